package io.huaxiang.server.cli;

import io.huaxiang.core.dataset.MalformedRowException;
import io.huaxiang.core.dataset.TaiwanCreditCard;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.demo.BulkLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Imports the real UCI Taiwan credit-card data as events (see docs/taiwan-import.md). */
@Command(
    name = "import-taiwan",
    description = "Import the UCI Taiwan credit-card dataset as portraits. / 导入台湾信用卡数据集。",
    mixinStandardHelpOptions = true)
final class ImportTaiwanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      defaultValue = "../shared/data/taiwan_default/UCI_Credit_Card.csv",
      description = "UCI_Credit_Card.csv (default: ${DEFAULT-VALUE}).")
  Path file;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + file);
    }
    long rows = Files.lines(file).count() - 1;
    try (HuaxiangRuntime runtime = CliRuntime.open(db);
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.trim().equals(TaiwanCreditCard.HEADER)) {
        throw new ParameterException(
            spec.commandLine(),
            "not the UCI Taiwan file: the header must be " + TaiwanCreditCard.HEADER);
      }
      CliRuntime.keepPortraitsUnlessServed(runtime);
      ProgressBar bar = new ProgressBar(System.err, "importing " + file.getFileName());
      RowEvents events = new RowEvents(in, n -> bar.update(n, rows, n));
      var report = BulkLoader.backfill(runtime, events, "uci-taiwan", CliActor.current(), n -> {});
      bar.finish(events.rows);
      spec.commandLine()
          .getOut()
          .printf(
              "imported %,d users: %,d events accepted, %,d duplicates ignored%n",
              events.rows, report.accepted(), report.duplicates().size());
      return 0;
    } catch (MalformedRowException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Turns CSV rows into events lazily, one row's events at a time. */
  private static final class RowEvents implements Iterator<UserEvent> {
    private final BufferedReader in;
    private final java.util.function.LongConsumer progress;
    private final List<UserEvent> pending = new ArrayList<>();
    private long line = 1;
    private long rows;
    private int next;

    RowEvents(BufferedReader in, java.util.function.LongConsumer progress) {
      this.in = in;
      this.progress = progress;
    }

    @Override
    public boolean hasNext() {
      while (next == pending.size()) {
        String text;
        try {
          text = in.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (text == null) {
          return false;
        }
        line++;
        if (text.isBlank()) {
          continue;
        }
        pending.clear();
        next = 0;
        pending.addAll(TaiwanCreditCard.events(TaiwanCreditCard.parse(text, line)));
        progress.accept(++rows);
      }
      return true;
    }

    @Override
    public UserEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.get(next++);
    }
  }
}
