package id.tapak.app;

import id.tapak.core.store.SqliteCheckStore;
import id.tapak.web.security.AccessTokens;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The data directory checked before Spring starts, like the project file: it must be a folder Tapak can create and
 * write (a probe file is made and deleted, so a read-only mount is caught even for root), its token file must be
 * readable and well-formed, and with the SQLite check store its {@code checks.sqlite} must open (not corrupt, not
 * another kind of file). A failure is one line on stderr and exit status 2 ({@link TapakApplication#serve}).
 */
final class DataDirectory {

  /** What is wrong with the data directory, in one line. */
  static final class BadDataDirectory extends RuntimeException {
    BadDataDirectory(String message) {
      super(message);
    }
  }

  private DataDirectory() {}

  /** {@code --tapak.data-dir=}, else {@code TAPAK_DATA_DIR}, else {@code data} (as {@code application.yml}). */
  static Path of(String[] args) {
    String v = arg(args, "tapak.data-dir", "TAPAK_DATA_DIR");
    return Path.of(v == null ? "data" : v);
  }

  /** Whether the SQLite store is used: {@code --tapak.checks.store=}, else {@code TAPAK_CHECKS_STORE}. */
  static boolean sqlite(String[] args) {
    String v = arg(args, "tapak.checks.store", "TAPAK_CHECKS_STORE");
    return v == null || v.strip().toLowerCase(Locale.ROOT).equals("sqlite");
  }

  private static @Nullable String arg(String[] args, String key, String env) {
    for (String a : args) {
      if (a.startsWith("--" + key + "=")) {
        return a.substring(key.length() + 3);
      }
    }
    String p = System.getProperty(key);
    if (p != null && !p.isBlank()) {
      return p;
    }
    String e = System.getenv(env);
    return e != null && !e.isBlank() ? e : null;
  }

  /** Checks the folder; throws {@link BadDataDirectory} with the one-line reason. */
  static void check(Path dir, boolean sqlite) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadDataDirectory("cannot create data directory " + dir + ": " + reason(e));
    }
    try {
      Files.delete(Files.createTempFile(dir, ".write-probe", ""));
    } catch (IOException e) {
      throw new BadDataDirectory("data directory " + dir + " is not writable: " + reason(e));
    }
    try {
      AccessTokens.load(List.of(), dir.resolve("tokens"));
    } catch (IllegalArgumentException e) {
      throw new BadDataDirectory(e.getMessage());
    }
    if (sqlite) {
      try {
        SqliteCheckStore.open(dir).close();
      } catch (IllegalStateException e) {
        throw new BadDataDirectory(e.getMessage());
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
        : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
            .toLowerCase(Locale.ROOT);
  }
}
