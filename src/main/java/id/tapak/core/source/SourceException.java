package id.tapak.core.source;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A source could not be read: missing file, unreadable format, broken geometry blob. The message names the file and,
 * where known, the layer and feature, so one line in the log tells the operator what to fix. {@link #key()} names the
 * {@code source.*} key of {@code tapak.yml} to fix when it is not {@code source.path} (e.g. {@code source.layer}
 * when a GeoPackage holds several tables).
 */
public class SourceException extends RuntimeException {

  private final @Nullable String key;

  public SourceException(String message) {
    this(message, (Throwable) null);
  }

  public SourceException(String message, @Nullable Throwable cause) {
    super(message, cause);
    this.key = null;
  }

  private SourceException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** A failure to be fixed at a given key of the layer's {@code source:} block, e.g. {@code source.layer}. */
  public static SourceException atKey(String key, String message) {
    return new SourceException(key, message);
  }

  /** The {@code source.*} key to fix, when the failure is about one other than the path. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
