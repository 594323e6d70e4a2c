package io.huaxiang.server.privacy;

import io.huaxiang.core.privacy.KeyRing;
import io.huaxiang.store.FieldProtection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the field-encryption and lookup keys come from: never the database that holds the
 * ciphertexts.
 *
 * <p>Either both are given as settings ({@code huaxiang.keys.field} = a key ring spec {@code
 * active=k2;k1=<base64>;k2=<base64>}, {@code huaxiang.keys.lookup} = base64 of 32+ bytes; or the
 * environment variables {@code HUAXIANG_KEYS_FIELD}, {@code HUAXIANG_KEYS_LOOKUP}), for keys from a
 * secret store; or they live in a key file, by default {@code <data dir>/keys/huaxiang.keys},
 * created on first start with fresh random keys and owner-only permissions (0600 in a 0700
 * directory). A key file readable by group or others is refused.
 *
 * @param field the key ring spec given as a setting, or blank to use the file
 * @param lookup the lookup key (base64) given as a setting, or blank to use the file
 * @param file the key file
 */
public record FieldKeys(String field, String lookup, Path file) {
  static final String FILE_NAME = "huaxiang.keys";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");

  /** Keys from the process environment, else the key file under {@code dataDir}. */
  public static FieldKeys fromEnvironment(Path dataDir) {
    return of(
        System.getenv("HUAXIANG_KEYS_FIELD"),
        System.getenv("HUAXIANG_KEYS_LOOKUP"),
        System.getenv("HUAXIANG_KEYS_FILE"),
        dataDir);
  }

  /** Keys from explicit settings; a blank file means {@code <dataDir>/keys/huaxiang.keys}. */
  public static FieldKeys of(String field, String lookup, String file, Path dataDir) {
    Path path =
        file == null || file.isBlank() ? dataDir.resolve("keys").resolve(FILE_NAME) : Path.of(file);
    return new FieldKeys(blankToNull(field), blankToNull(lookup), path);
  }

  /** Whether the keys come from settings (a secret store) rather than the key file. */
  public boolean fromSettings() {
    return field != null;
  }

  /** Opens the protection, creating the key file with fresh keys if it is used and missing. */
  public FieldProtection open() {
    if (fromSettings()) {
      if (lookup == null) {
        throw new IllegalStateException(
            "huaxiang.keys.field is set but huaxiang.keys.lookup is not: give both, from"
                + " different secrets");
      }
      KeyRing ring = KeyRing.parse(field);
      return new FieldProtection(() -> ring, decode(lookup, "huaxiang.keys.lookup"));
    }
    if (!Files.exists(file)) {
      create();
    }
    KeyFile current = read();
    return new FieldProtection(() -> read().ring(), current.lookup());
  }

  /**
   * Adds a new field key to the key file and makes it active; older keys stay so that existing
   * values still decrypt until {@code huaxiang keys rotate} has re-encrypted them.
   *
   * @return the new key id
   */
  public String addKey() {
    if (fromSettings()) {
      throw new IllegalStateException(
          "the keys come from huaxiang.keys.field: add the new key and make it active there");
    }
    KeyFile current = read();
    int n = 1;
    while (current.ring().contains("k" + n)) {
      n++;
    }
    String id = "k" + n;
    List<String> lines = new ArrayList<>();
    for (String line : current.lines()) {
      lines.add(line.startsWith("active=") ? "active=" + id : line);
    }
    lines.add(id + "=" + randomKey());
    write(lines);
    return id;
  }

  private void create() {
    write(
        List.of(
            "# Huaxiang field-encryption keys. Keep this file out of backups of the database.",
            "# Huaxiang 字段加密密钥：请勿与数据库备份放在一起。",
            "active=k1",
            "k1=" + randomKey(),
            "lookup=" + randomKey()));
  }

  private record KeyFile(List<String> lines, KeyRing ring, byte[] lookup) {}

  private KeyFile read() {
    try {
      checkPermissions();
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      StringBuilder spec = new StringBuilder();
      byte[] lookupKey = null;
      for (String line : lines) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("lookup=")) {
          lookupKey = decode(l.substring("lookup=".length()), file + " lookup");
        } else {
          spec.append(l).append('\n');
        }
      }
      if (lookupKey == null) {
        throw new IllegalStateException("key file " + file + " has no lookup=<base64> line");
      }
      return new KeyFile(lines, KeyRing.parse(spec.toString()), lookupKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    }
  }

  private void checkPermissions() throws IOException {
    if (!posix()) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    for (PosixFilePermission p : perms) {
      if (!p.name().startsWith("OWNER_")) {
        throw new IllegalStateException(
            "key file "
                + file
                + " may be read by others ("
                + PosixFilePermissions.toString(perms)
                + "); run: chmod 600 "
                + file);
      }
    }
  }

  private void write(List<String> lines) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      if (posix()) {
        Files.setPosixFilePermissions(dir, OWNER_DIR);
      }
      Path tmp = dir.resolve(FILE_NAME + ".tmp");
      Files.deleteIfExists(tmp);
      if (posix()) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key file " + file, e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String randomKey() {
    byte[] key = new byte[KeyRing.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] decode(String base64, String what) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(what + " is not valid base64");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return fromSettings() ? "FieldKeys[settings]" : "FieldKeys[file=" + file + "]";
  }

  /** For callers that want a supplier of the current ring (e.g. status output). */
  Supplier<KeyRing> ring() {
    return () -> fromSettings() ? KeyRing.parse(field) : read().ring();
  }
}
