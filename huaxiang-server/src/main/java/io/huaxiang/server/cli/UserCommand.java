package io.huaxiang.server.cli;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.security.Passwords;
import io.huaxiang.server.security.Role;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.StaffUser;
import io.huaxiang.store.StaffUserStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Staff accounts: {@code huaxiang user add|list|lock|unlock|passwd}. Every change is audited. */
@Command(
    name = "user",
    description = "Manage staff accounts (roles, locks). / 管理员工账户(角色、锁定)。",
    mixinStandardHelpOptions = true,
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Lock.class,
      UserCommand.Unlock.class,
      UserCommand.Passwd.class
    })
final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final String ROLES = "admin, risk_analyst, risk_ops, marketing, compliance or auditor";

  /** Options shared by the commands that set a password. */
  static final class PasswordOptions {
    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input (for scripts).")
    boolean fromStdin;

    /** Reads the password: from stdin, or asked twice on the terminal; checks the rules. */
    String read(CommandSpec spec) {
      String password;
      if (fromStdin) {
        try {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          password = in.readLine();
        } catch (IOException e) {
          throw new ParameterException(spec.commandLine(), "cannot read standard input");
        }
      } else {
        Console console = System.console();
        if (console == null) {
          throw new ParameterException(
              spec.commandLine(),
              "no terminal to ask for the password: use --password-stdin / 无终端,请使用 --password-stdin");
        }
        char[] first = console.readPassword("password / 密码: ");
        char[] again = console.readPassword("again / 再次输入: ");
        if (first == null || !Arrays.equals(first, again)) {
          throw new ParameterException(spec.commandLine(), "the passwords differ / 两次密码不一致");
        }
        password = new String(first);
      }
      try {
        Passwords.check(password);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      return password;
    }
  }

  /** What every subcommand needs: the database, the accounts and the audit log. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DbOptions db;

    @Option(
        names = "--bcrypt-strength",
        defaultValue = "12",
        description = "BCrypt cost for new password hashes (default ${DEFAULT-VALUE}).")
    int bcryptStrength;

    @Override
    public Integer call() {
      try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
        StaffUserStore users = new StaffUserStore(runtime.database().dataSource());
        AuditStore store = new AuditStore(runtime.database().dataSource());
        try {
          return run(
              users, new AuditService(store, Clock.systemUTC()), spec.commandLine().getOut());
        } finally {
          store.close();
        }
      }
    }

    abstract int run(StaffUserStore users, AuditService audit, PrintWriter out);

    String hash(String password) {
      return Passwords.encoder(bcryptStrength).encode(password);
    }
  }

  @Command(name = "add", description = "Create an account with one role. / 创建账户。")
  static final class Add extends Base {
    @Parameters(index = "0", description = "Username: 1-64 of a-z, 0-9, '.', '_', '-'")
    String username;

    @Option(names = "--role", required = true, description = "One of: " + ROLES)
    String role;

    @Mixin PasswordOptions password;

    @Override
    int run(StaffUserStore users, AuditService audit, PrintWriter out) {
      Role r =
          Role.fromWire(role)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(), "unknown role '" + role + "'; use " + ROLES));
      if (!username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
        throw new ParameterException(
            spec.commandLine(),
            "a username is 1-64 characters of a-z, 0-9, '.', '_' and '-' / 用户名须为小写字母、数字、.、_ 或 -");
      }
      String hash = hash(password.read(spec));
      if (!users.create(username, r.wire(), hash, Clock.systemUTC().instant())) {
        throw new ParameterException(spec.commandLine(), "user '" + username + "' exists / 用户已存在");
      }
      audit.record(
          CliActor.current(), "USER_CREATED", "ADMINISTRATION", "staff:" + username, "role=" + r);
      out.println("created / 已创建 " + username + " (" + r + ")");
      return 0;
    }
  }

  @Command(name = "list", description = "List accounts, roles and locks. / 列出账户。")
  static final class ListUsers extends Base {
    @Override
    int run(StaffUserStore users, AuditService audit, PrintWriter out) {
      var now = Clock.systemUTC().instant();
      out.println(
          users.list().stream()
              .map(
                  u ->
                      String.format(
                          "%-24s %-13s %s%s",
                          u.username(),
                          u.role(),
                          u.lockedAt(now) ? "LOCKED" : "active",
                          u.lastLoginAt() == null ? "" : "  last sign-in " + u.lastLoginAt()))
              .collect(Collectors.joining(System.lineSeparator())));
      return 0;
    }
  }

  @Command(name = "lock", description = "Lock an account until unlocked. / 锁定账户。")
  static final class Lock extends Base {
    @Parameters(index = "0")
    String username;

    @Override
    int run(StaffUserStore users, AuditService audit, PrintWriter out) {
      return change(users, audit, out, true);
    }

    int change(StaffUserStore users, AuditService audit, PrintWriter out, boolean lock) {
      StaffUser u =
          users
              .find(username)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(), "no user '" + username + "' / 无此用户"));
      users.setDisabled(u.username(), lock);
      audit.record(
          CliActor.current(),
          lock ? "USER_LOCKED" : "USER_UNLOCKED",
          "ADMINISTRATION",
          "staff:" + u.username(),
          "");
      out.println((lock ? "locked / 已锁定 " : "unlocked / 已解锁 ") + u.username());
      return 0;
    }
  }

  @Command(
      name = "unlock",
      description = "Unlock an account (also after too many wrong passwords). / 解锁账户。")
  static final class Unlock extends Base {
    @Parameters(index = "0")
    String username;

    @Override
    int run(StaffUserStore users, AuditService audit, PrintWriter out) {
      Lock lock = new Lock();
      lock.spec = spec;
      lock.username = username;
      return lock.change(users, audit, out, false);
    }
  }

  @Command(name = "passwd", description = "Set a new password. / 重设密码。")
  static final class Passwd extends Base {
    @Parameters(index = "0")
    String username;

    @Mixin PasswordOptions password;

    @Override
    int run(StaffUserStore users, AuditService audit, PrintWriter out) {
      if (!users.setPassword(username, hash(password.read(spec)))) {
        throw new ParameterException(spec.commandLine(), "no user '" + username + "' / 无此用户");
      }
      audit.record(
          CliActor.current(), "USER_PASSWORD_SET", "ADMINISTRATION", "staff:" + username, "");
      out.println("password set / 密码已更新 " + username);
      return 0;
    }
  }
}
