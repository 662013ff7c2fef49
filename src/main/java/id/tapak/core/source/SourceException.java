package id.tapak.core.source;

/**
 * A source could not be read: missing file, unreadable format, broken geometry blob. The message names the file and,
 * where known, the layer and feature, so one line in the log tells the operator what to fix.
 */
public class SourceException extends RuntimeException {
  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
