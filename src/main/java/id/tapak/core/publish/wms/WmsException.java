package id.tapak.core.publish.wms;

import id.tapak.core.model.TapakException;
import org.jspecify.annotations.Nullable;

/**
 * A request the WMS cannot answer: a {@link TapakException} (so one error type carries both the HTTP kind and the
 * OGC code) whose code is one of WMS 1.3.0 Annex A ({@code InvalidCRS}, {@code LayerNotDefined},
 * {@code StyleNotDefined}, {@code InvalidFormat}, {@code InvalidPoint}, {@code LayerNotQueryable},
 * {@code OperationNotSupported}) or OWS {@code MissingParameterValue} / {@code InvalidParameterValue}, with the
 * parameter at fault as locator ({@link #field()}). The message is safe to show to clients.
 */
public final class WmsException extends TapakException {

  public static final String INVALID_CRS = "InvalidCRS";
  public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
  public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
  public static final String INVALID_FORMAT = "InvalidFormat";
  public static final String INVALID_POINT = "InvalidPoint";
  public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
  public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
  public static final String MISSING_PARAMETER = "MissingParameterValue";
  public static final String INVALID_PARAMETER = INVALID_PARAMETER_VALUE;
  /** OWS: none of the codes fits, e.g. a request that outran its time budget. */
  public static final String NO_APPLICABLE_CODE = "NoApplicableCode";

  public WmsException(String code, @Nullable String locator, String message) {
    super(kind(code), locator, message, code);
  }

  /** The HTTP kind of a WMS code, for the rare answer that is not an exception report (the report itself is 200). */
  private static Kind kind(String code) {
    return switch (code) {
      case LAYER_NOT_DEFINED, STYLE_NOT_DEFINED -> Kind.NOT_FOUND;
      default -> Kind.BAD_REQUEST;
    };
  }

  public static WmsException missing(String parameter) {
    return new WmsException(MISSING_PARAMETER, parameter, "parameter " + parameter + " is required");
  }

  public static WmsException invalid(String parameter, String message) {
    return new WmsException(INVALID_PARAMETER, parameter, message);
  }

  /** The OGC exception code ({@link #ogcCode()}). */
  public String code() {
    return ogcCode();
  }

  /** The request parameter at fault, or null ({@link #field()}). */
  public @Nullable String locator() {
    return field();
  }
}
