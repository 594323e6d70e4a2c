package io.huaxiang.server.cli;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.privacy.FieldKeys;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.EventStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Field-encryption keys: which key protects how much, and rotation to a new key. */
@Command(
    name = "keys",
    description = "Field-encryption keys: status and rotation. / 字段加密密钥：状态与轮换。",
    mixinStandardHelpOptions = true,
    subcommands = {KeysCommand.Status.class, KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How many events each key id protects. */
  @Command(
      name = "status",
      description = "How many stored values each key protects. / 每个密钥保护的数据量。",
      mixinStandardHelpOptions = true)
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "keys / 密钥: %s, active / 当前 %s%n", runtime.keys(), runtime.protection().activeKeyId());
        for (Map.Entry<String, Long> e : runtime.events().keyUsage().entrySet()) {
          out.printf("  %-10s %,d events%n", e.getKey(), e.getValue());
        }
        out.flush();
        return 0;
      }
    }
  }

  /**
   * Adds a new key (when the keys are in the key file), makes it active and re-encrypts every
   * sealed value under it, in resumable pages, with progress.
   */
  @Command(
      name = "rotate",
      description =
          "Add a new active key and re-encrypt every stored identifier under it."
              + " / 生成新密钥并用它重新加密全部已存储的标识符。",
      mixinStandardHelpOptions = true)
  static final class Rotate implements Callable<Integer> {
    static final int PAGE = 5_000;

    @Spec CommandSpec spec;
    @Mixin DbOptions db;

    @Option(
        names = "--no-new-key",
        description =
            "Do not add a key: re-encrypt under the key already active (e.g. after a rotation"
                + " was interrupted, or when the keys come from huaxiang.keys.field).")
    boolean noNewKey;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      String added = null;
      FieldKeys keys = FieldKeys.fromEnvironment(db.dataDir);
      if (!noNewKey && !keys.fromSettings()) {
        if (!java.nio.file.Files.exists(keys.file())) {
          spec.commandLine()
              .getErr()
              .println("no key file at " + keys.file() + "; nothing to rotate");
          return 2;
        }
        added = keys.addKey();
        out.println("added key / 新增密钥 " + added + " (active / 已启用) in " + keys.file());
      }
      try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
        EventStore events = runtime.events();
        String active = runtime.protection().activeKeyId();
        long total = events.lastSeq();
        ProgressBar bar = new ProgressBar(System.err, "re-encrypting under " + active);
        long after = 0;
        long rewritten = 0;
        while (true) {
          EventStore.ResealPage page = events.resealAfter(after, PAGE);
          if (page.lastSeq() == after) {
            break;
          }
          after = page.lastSeq();
          rewritten += page.rewritten();
          bar.update(after, total, rewritten);
        }
        bar.finish(rewritten);
        int letters = runtime.deadLetters().rotate();
        new AuditService(new AuditStore(runtime.database().dataSource()), Clock.systemUTC())
            .record(
                CliActor.current(),
                "KEYS_ROTATE",
                "KEY_MANAGEMENT",
                "field_keys",
                "active " + active + "; events " + rewritten + "; dead letters " + letters);
        out.printf(
            "re-encrypted / 已重新加密 %,d events and %,d dead letters under key %s%n",
            rewritten, letters, active);
        for (Map.Entry<String, Long> e : events.keyUsage().entrySet()) {
          out.printf("  %-10s %,d events%n", e.getKey(), e.getValue());
        }
        out.flush();
        return 0;
      }
    }
  }
}
