package id.tapak.core.publish.wms;

import org.jspecify.annotations.Nullable;

/**
 * A request the WMS cannot answer, carrying the OGC exception code (WMS 1.3.0 Annex A: {@code InvalidCRS},
 * {@code LayerNotDefined}, {@code StyleNotDefined}, {@code InvalidFormat}, {@code InvalidPoint},
 * {@code LayerNotQueryable}, {@code OperationNotSupported}, and OWS {@code MissingParameterValue} /
 * {@code InvalidParameterValue}) and the parameter at fault as locator. The message is safe to show to clients.
 */
public final class WmsException extends RuntimeException {

  public static final String INVALID_CRS = "InvalidCRS";
  public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
  public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
  public static final String INVALID_FORMAT = "InvalidFormat";
  public static final String INVALID_POINT = "InvalidPoint";
  public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
  public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
  public static final String MISSING_PARAMETER = "MissingParameterValue";
  public static final String INVALID_PARAMETER = "InvalidParameterValue";
  /** OWS: none of the codes fits, e.g. a request that outran its time budget. */
  public static final String NO_APPLICABLE_CODE = "NoApplicableCode";

  private final String code;
  private final @Nullable String locator;

  public WmsException(String code, @Nullable String locator, String message) {
    super(message);
    this.code = code;
    this.locator = locator;
  }

  public static WmsException missing(String parameter) {
    return new WmsException(MISSING_PARAMETER, parameter, "parameter " + parameter + " is required");
  }

  public static WmsException invalid(String parameter, String message) {
    return new WmsException(INVALID_PARAMETER, parameter, message);
  }

  /** The OGC exception code. */
  public String code() {
    return code;
  }

  /** The request parameter at fault, or null. */
  public @Nullable String locator() {
    return locator;
  }
}
