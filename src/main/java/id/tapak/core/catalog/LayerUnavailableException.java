package id.tapak.core.catalog;

/**
 * A layer cannot be read now (its database is down or unreachable, or its relation cannot be described). Not the
 * client's fault and usually temporary: the web layer answers 503 (OGC API) or a WMS exception report, and a check
 * that needs the layer gives the affected rules {@code NOT_ASSESSED}. The message names the layer, never a URL.
 */
public final class LayerUnavailableException extends RuntimeException {

  private final String layerId;

  public LayerUnavailableException(String layerId, String message, Throwable cause) {
    super("layer '" + layerId + "' is unavailable: " + message, cause);
    this.layerId = layerId;
  }

  /** The id of the layer that cannot be read. */
  public String layerId() {
    return layerId;
  }
}
