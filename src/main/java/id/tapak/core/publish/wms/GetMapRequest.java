package id.tapak.core.publish.wms;

import id.tapak.core.publish.render.MapCrs;
import id.tapak.core.publish.render.MapView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * A validated GetMap request.
 *
 * @param layers layer names, drawn in this order (first at the bottom)
 * @param styles one style name per layer; "" = the layer's default style
 * @param crs the map CRS
 * @param bbox the map extent in the CRS's <b>east, north</b> order (an EPSG:4326 BBOX, sent lat/lon, is already
 *     swapped here: x = longitude, y = latitude)
 * @param width image width, pixels
 * @param height image height, pixels
 * @param format {@code image/png} or {@code image/jpeg}
 * @param transparent whether the background is transparent (PNG only)
 * @param bgColor background colour as 0xRRGGBB
 * @param exceptions how failures are answered
 * @param checkId vendor parameter {@code CHECK_ID}: only draw this stored check on the check layers
 * @param sldBody vendor-independent {@code SLD_BODY}: SLD 1.0 styles for this request
 * @param antialiasOutlines vendor parameter {@code ANTIALIAS=FULL}: antialias hairline polygon outlines too (slower;
 *     by default they are drawn aliased, see {@code FeaturePainter})
 */
public record GetMapRequest(
    List<String> layers,
    List<String> styles,
    MapCrs crs,
    Envelope bbox,
    int width,
    int height,
    String format,
    boolean transparent,
    int bgColor,
    ExceptionFormat exceptions,
    @Nullable String checkId,
    @Nullable String sldBody,
    boolean antialiasOutlines) {

  /**
   * Most names in LAYERS, STYLES or QUERY_LAYERS. Each name costs a pass over a layer, so a list of 20 000 repeats of
   * one layer took 76 s; the capabilities list fewer than 40 layers, so 64 leaves room for any real map.
   */
  public static final int MAX_LAYERS = 64;

  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";

  public GetMapRequest {
    layers = List.copyOf(layers);
    styles = List.copyOf(styles);
    Objects.requireNonNull(crs, "crs");
    Objects.requireNonNull(bbox, "bbox");
    if (layers.isEmpty()) {
      throw WmsException.missing("LAYERS");
    }
    if (styles.size() != layers.size()) {
      throw new WmsException(WmsException.STYLE_NOT_DEFINED, "STYLES",
          "STYLES must list one style per layer (" + layers.size() + "), got " + styles.size());
    }
    if (width <= 0 || height <= 0) {
      throw WmsException.invalid("WIDTH", "WIDTH and HEIGHT must be positive");
    }
    if (bbox.isNull() || bbox.getWidth() <= 0 || bbox.getHeight() <= 0) {
      throw WmsException.invalid("BBOX", "BBOX must have minx < maxx and miny < maxy");
    }
  }

  /**
   * Parses a GetMap (or the map part of a GetFeatureInfo) request.
   *
   * @param maxWidth largest WIDTH accepted, pixels
   * @param maxHeight largest HEIGHT accepted, pixels
   * @param needFormat false for GetFeatureInfo, where FORMAT may be left out
   */
  public static GetMapRequest parse(WmsParameters p, int maxWidth, int maxHeight, boolean needFormat) {
    List<String> layers = split(p.required("LAYERS"), "LAYERS");
    String stylesParam = p.get("STYLES");
    List<String> styles = new ArrayList<>();
    if (stylesParam == null || stylesParam.isBlank()) {
      layers.forEach(l -> styles.add(""));
    } else {
      styles.addAll(split(stylesParam, "STYLES"));
      while (styles.size() < layers.size() && stylesParam.endsWith(",")) {
        styles.add("");
      }
    }
    MapCrs crs = crs(p.has("CRS") ? p.required("CRS") : p.required("SRS"));
    Envelope bbox = bbox(p.required("BBOX"), crs);
    int width = p.positiveInt("WIDTH");
    int height = p.positiveInt("HEIGHT");
    if (width > maxWidth || height > maxHeight) {
      throw WmsException.invalid(width > maxWidth ? "WIDTH" : "HEIGHT",
          "WIDTH and HEIGHT may be at most " + maxWidth + " x " + maxHeight + " pixels");
    }
    String format = needFormat ? format(p.required("FORMAT")) : format(p.get("FORMAT", PNG));
    boolean transparent = Boolean.parseBoolean(p.get("TRANSPARENT", "FALSE").trim().toLowerCase(Locale.ROOT));
    int bg = bgColor(p.get("BGCOLOR", "0xFFFFFF"));
    String checkId = p.get("CHECK_ID");
    String sld = p.get("SLD_BODY");
    return new GetMapRequest(layers, styles, crs, bbox, width, height, format, transparent, bg,
        ExceptionFormat.of(p), checkId == null || checkId.isBlank() ? null : checkId.trim(),
        sld == null || sld.isBlank() ? null : sld, antialias(p.get("ANTIALIAS", "FAST")));
  }

  private static boolean antialias(String v) {
    String t = v.trim().toUpperCase(Locale.ROOT);
    if (t.equals("FULL")) {
      return true;
    }
    if (t.equals("FAST")) {
      return false;
    }
    throw WmsException.invalid("ANTIALIAS", "ANTIALIAS must be FULL or FAST, got " + v);
  }

  /**
   * The identity of the image this request draws: every parsed value that changes a pixel, normalised (format and
   * CRS by their canonical names, the box as numbers in east, north order), and nothing else; so parameter case and
   * order, spelling ({@code png} or {@code image/png}), EXCEPTIONS and unknown parameters never make a new tile.
   */
  public String cacheKey() {
    return String.join("|", String.join(",", layers), String.join(",", styles), crs.name(),
        bbox.getMinX() + "," + bbox.getMinY() + "," + bbox.getMaxX() + "," + bbox.getMaxY(),
        width + "x" + height, format, transparent ? "T" : "O", Integer.toHexString(bgColor),
        checkId == null ? "" : checkId, antialiasOutlines ? "AA" : "", sldBody == null ? "" : sldBody);
  }

  /** What the renderer draws: transparency only for PNG (JPEG has no alpha). */
  public MapView view() {
    return new MapView(crs, bbox, width, height, transparent && PNG.equals(format), bgColor, antialiasOutlines);
  }

  /** Map units per pixel along x. */
  public double resolution() {
    return bbox.getWidth() / width;
  }

  /** A CRS or SRS parameter; InvalidCRS when unknown or unsupported. */
  public static MapCrs crs(String text) {
    MapCrs crs = MapCrs.parse(text);
    if (crs == null) {
      throw new WmsException(WmsException.INVALID_CRS, "CRS", "CRS " + text + " is not supported");
    }
    return crs;
  }

  /** A comma-separated list of names; more than {@link #MAX_LAYERS} is refused before anything is drawn. */
  static List<String> split(String v, String parameter) {
    int names = 1;
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == ',' && ++names > MAX_LAYERS) {
        throw WmsException.invalid(parameter, parameter + " may list at most " + MAX_LAYERS + " names");
      }
    }
    List<String> out = new ArrayList<>();
    for (String s : v.split(",", -1)) {
      out.add(s.trim());
    }
    return out;
  }

  static String format(String f) {
    String base = f.trim().toLowerCase(Locale.ROOT);
    int semi = base.indexOf(';');
    if (semi >= 0) {
      base = base.substring(0, semi).trim();
    }
    if (base.equals(PNG) || base.equals("png") || base.equals("image/png8")) {
      return PNG;
    }
    if (base.equals(JPEG) || base.equals("jpeg") || base.equals("image/jpg")) {
      return JPEG;
    }
    throw new WmsException(WmsException.INVALID_FORMAT, "FORMAT",
        "format " + f + " is not supported; use image/png or image/jpeg");
  }

  private static Envelope bbox(String v, MapCrs crs) {
    String[] parts = v.split(",");
    if (parts.length != 4) {
      throw WmsException.invalid("BBOX", "BBOX must be minx,miny,maxx,maxy, got " + v);
    }
    double[] n = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        n[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw WmsException.invalid("BBOX", "BBOX values must be numbers, got " + v);
      }
      if (!Double.isFinite(n[i])) {
        throw WmsException.invalid("BBOX", "BBOX values must be finite, got " + v);
      }
    }
    if (n[0] >= n[2] || n[1] >= n[3]) {
      throw WmsException.invalid("BBOX", "BBOX must have minx < maxx and miny < maxy, got " + v);
    }
    // WMS 1.3.0 §6.7.3.3: EPSG:4326 lists latitude first; internally x is always east
    return crs.latLonAxes() ? new Envelope(n[1], n[3], n[0], n[2]) : new Envelope(n[0], n[2], n[1], n[3]);
  }

  private static int bgColor(String v) {
    String t = v.trim();
    if (t.startsWith("0x") || t.startsWith("0X")) {
      t = t.substring(2);
    } else if (t.startsWith("#")) {
      t = t.substring(1);
    }
    try {
      if (t.length() != 6) {
        throw new NumberFormatException();
      }
      return Integer.parseInt(t, 16);
    } catch (NumberFormatException e) {
      throw WmsException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB, got " + v);
    }
  }
}
