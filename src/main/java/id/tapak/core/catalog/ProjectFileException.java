package id.tapak.core.catalog;

/**
 * The project file is wrong. The message is one line naming the file, the layer and the key, e.g.
 * {@code layers/tapak.yml: layer 'estates': key 'fields.name': field 'NAMA' does not exist (fields: id, nama)}.
 */
public class ProjectFileException extends RuntimeException {
  public ProjectFileException(String message) {
    super(oneLine(message));
  }

  public ProjectFileException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** Folds line breaks (PostgreSQL and Jackson messages carry them) so the failure stays one log line. */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
