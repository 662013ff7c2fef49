package id.tapak.core.publish.wms;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated GetFeatureInfo request: the map it refers to, the layers to query, and the pixel.
 *
 * @param map the map the client shows (its CRS, BBOX, size)
 * @param queryLayers layers to query, a subset of the map's layers
 * @param i pixel column, 0 at the left
 * @param j pixel row, 0 at the top
 * @param infoFormat {@code application/json}, {@code text/html} or {@code text/plain}
 * @param featureCount most features returned per layer (at least 1)
 */
public record GetFeatureInfoRequest(
    GetMapRequest map, List<String> queryLayers, int i, int j, String infoFormat, int featureCount) {

  public static final String JSON = "application/json";
  public static final String HTML = "text/html";
  public static final String TEXT = "text/plain";

  public GetFeatureInfoRequest {
    Objects.requireNonNull(map, "map");
    queryLayers = List.copyOf(queryLayers);
    if (i < 0 || j < 0 || i >= map.width() || j >= map.height()) {
      throw new WmsException(WmsException.INVALID_POINT, i < 0 || i >= map.width() ? "I" : "J",
          "I/J (" + i + ", " + j + ") lies outside the " + map.width() + " x " + map.height() + " map");
    }
    if (featureCount < 1) {
      throw WmsException.invalid("FEATURE_COUNT", "FEATURE_COUNT must be at least 1");
    }
  }

  /** Parses the request; I/J may also come as X/Y (WMS 1.1.1 clients). */
  public static GetFeatureInfoRequest parse(WmsParameters p, int maxWidth, int maxHeight) {
    GetMapRequest map = GetMapRequest.parse(p, maxWidth, maxHeight, false);
    List<String> query = GetMapRequest.split(p.required("QUERY_LAYERS"), "QUERY_LAYERS");
    for (String q : query) {
      if (!map.layers().contains(q)) {
        throw new WmsException(WmsException.LAYER_NOT_DEFINED, "QUERY_LAYERS",
            "query layer " + q + " is not among LAYERS");
      }
    }
    String fmt = p.required("INFO_FORMAT").trim().toLowerCase(Locale.ROOT);
    int semi = fmt.indexOf(';');
    if (semi >= 0) {
      fmt = fmt.substring(0, semi).trim();
    }
    if (fmt.equals("application/geo+json") || fmt.equals("json")) {
      fmt = JSON;
    }
    if (!fmt.equals(JSON) && !fmt.equals(HTML) && !fmt.equals(TEXT)) {
      throw new WmsException(WmsException.INVALID_FORMAT, "INFO_FORMAT",
          "INFO_FORMAT " + fmt + " is not supported; use application/json, text/html or text/plain");
    }
    int i = pixel(p, "I", "X");
    int j = pixel(p, "J", "Y");
    int count = p.has("FEATURE_COUNT") ? p.positiveInt("FEATURE_COUNT") : 1;
    return new GetFeatureInfoRequest(map, query, i, j, fmt, count);
  }

  private static int pixel(WmsParameters p, String name, String alias) {
    String v = p.has(name) ? p.required(name) : p.has(alias) ? p.required(alias) : null;
    if (v == null) {
      throw WmsException.missing(name);
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new WmsException(WmsException.INVALID_POINT, name, name + " must be an integer pixel, got " + v);
    }
  }
}
