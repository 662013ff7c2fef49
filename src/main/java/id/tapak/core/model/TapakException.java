package id.tapak.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A failure caused by what a user sent (a request parameter, an uploaded proposal, a CLI argument), carrying a safe
 * message and the field it is about. The web layer maps {@link Kind} to an HTTP status and OGC code in one place
 * ({@code id.tapak.web.problem}); the CLI prints the message and exits 2. Never used for bugs or for bad layer data.
 */
public class TapakException extends RuntimeException {

  /** The class of failure; each maps to exactly one HTTP status. */
  public enum Kind {
    /** Malformed syntax: not JSON, unparseable number (HTTP 400). */
    BAD_REQUEST(400),
    /** Unknown collection, feature, check (HTTP 404). */
    NOT_FOUND(404),
    /** Over a configured size or vertex limit (HTTP 413). */
    TOO_LARGE(413),
    /** Well-formed but unusable: a point where a polygon is needed, coordinates outside Indonesia (HTTP 422). */
    UNPROCESSABLE(422),
    /** A time budget was spent before the work finished; nothing was stored, try again later (HTTP 503). */
    OVER_BUDGET(503);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Kind kind;
  private final @Nullable String field;

  public TapakException(Kind kind, @Nullable String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public static TapakException badRequest(@Nullable String field, String message) {
    return new TapakException(Kind.BAD_REQUEST, field, message);
  }

  public static TapakException notFound(@Nullable String field, String message) {
    return new TapakException(Kind.NOT_FOUND, field, message);
  }

  public static TapakException tooLarge(@Nullable String field, String message) {
    return new TapakException(Kind.TOO_LARGE, field, message);
  }

  public static TapakException unprocessable(@Nullable String field, String message) {
    return new TapakException(Kind.UNPROCESSABLE, field, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field or parameter at fault, or null when the whole request is. */
  public @Nullable String field() {
    return field;
  }
}
