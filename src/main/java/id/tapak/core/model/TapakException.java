package id.tapak.core.model;

import org.jspecify.annotations.Nullable;

/**
 * The one error type for what a user sent (a request parameter, an uploaded proposal, a CLI argument, a WMS
 * request), carrying a safe message, the field it is about, its {@link Kind} (hence its HTTP status) and its OGC
 * exception code ({@link #ogcCode()}). The HTTP status is written in one place ({@code web.problem.ProblemHandler}),
 * the OGC code in one place (the WMS controller's exception report); the CLI prints the message and exits 2. WMS
 * requests throw the subtype {@code core.publish.wms.WmsException}, which names WMS 1.3.0 codes. Never used for bugs
 * or for bad layer data.
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

  /** OGC exception code of a request with a bad parameter value (OWS Common), the default for every kind. */
  public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";

  private final Kind kind;
  private final @Nullable String field;
  private final @Nullable String ogcCode;

  public TapakException(Kind kind, @Nullable String field, String message) {
    this(kind, field, message, null);
  }

  /** With an explicit OGC exception code (WMS 1.3.0 Annex A, OWS Common). */
  protected TapakException(Kind kind, @Nullable String field, String message, @Nullable String ogcCode) {
    super(message);
    this.kind = kind;
    this.field = field;
    this.ogcCode = ogcCode;
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

  /** The OGC exception code: the explicit one, else {@value #INVALID_PARAMETER_VALUE}. */
  public String ogcCode() {
    return ogcCode != null ? ogcCode : INVALID_PARAMETER_VALUE;
  }

  /** The request field or parameter at fault, or null when the whole request is. */
  public @Nullable String field() {
    return field;
  }
}
