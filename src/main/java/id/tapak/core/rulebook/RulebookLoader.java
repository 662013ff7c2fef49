package id.tapak.core.rulebook;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.YamlRecordReader;
import java.nio.file.Path;

/**
 * Binds a rulebook YAML to {@link Rulebook}. Unknown keys are errors, and every failure becomes one
 * {@link RulebookException} line naming the file, the rule id and the key.
 */
public final class RulebookLoader {

  /** Where the rulebook is looked for when the project file names none, relative to the project file. */
  public static final String DEFAULT_PATH = "rules/pp20-2024.yml";

  private RulebookLoader() {}

  /**
   * The rulebook of a catalog: the project file's {@code rulebook:} path, else {@value #DEFAULT_PATH} next to it.
   *
   * @throws RulebookException when neither exists or the file is wrong
   */
  public static Rulebook forCatalog(Catalog catalog) {
    return read(rulebookPath(catalog));
  }

  /** The path {@link #forCatalog} reads. */
  public static Path rulebookPath(Catalog catalog) {
    String p = catalog.project().rulebook();
    return catalog.baseDir().resolve(p == null ? DEFAULT_PATH : p).normalize();
  }

  public static Rulebook read(Path file) {
    return bind(file, Rulebook.class);
  }

  static <T> T bind(Path file, Class<T> type) {
    return YamlRecordReader.read(file, type, "file",
        (message, cause) -> cause == null ? new RulebookException(message) : new RulebookException(message, cause));
  }
}
