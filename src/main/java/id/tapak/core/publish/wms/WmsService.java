package id.tapak.core.publish.wms;

import id.tapak.core.model.Budget;
import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.publish.render.BboxProjector;
import id.tapak.core.publish.render.MapRenderer;
import id.tapak.core.publish.render.MapView;
import id.tapak.core.publish.render.PngEncoder;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.publish.style.SldReader;
import id.tapak.core.publish.style.Style;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The WMS 1.3.0 operations on a {@link WmsLayers}: GetCapabilities, GetMap (cached through {@link TileCache}),
 * GetFeatureInfo and GetLegendGraphic, dispatched on {@code REQUEST}. Failures are {@link WmsException}s for the
 * web layer to report. Thread-safe.
 */
public final class WmsService {

  /** Pixels around I/J that still hit a feature in GetFeatureInfo. */
  static final int TOLERANCE_PX = 3;
  /** Largest map (pixels) whose image is cached: tiles, not posters. */
  private static final int CACHEABLE_PIXELS = 1024 * 1024;

  /** An encoded answer. */
  public record Response(byte[] body, String contentType) {}

  private final WmsLayers layers;
  private final int maxWidth;
  private final int maxHeight;
  private final TileCache cache;
  private final MapRenderer renderer = new MapRenderer();
  private final LegendRenderer legends = new LegendRenderer();
  private final CapabilitiesWriter capabilities;
  private final Duration renderBudget;

  /** Default time budget of one GetMap, GetFeatureInfo or legend (setting {@code tapak.limits.render-budget}). */
  public static final Duration DEFAULT_RENDER_BUDGET = Duration.ofSeconds(10);

  public WmsService(WmsLayers layers, int maxWidth, int maxHeight, TileCache cache) {
    this(layers, maxWidth, maxHeight, cache, ServiceContact.DEFAULT);
  }

  public WmsService(WmsLayers layers, int maxWidth, int maxHeight, TileCache cache, ServiceContact contact) {
    this(layers, maxWidth, maxHeight, cache, contact, DEFAULT_RENDER_BUDGET);
  }

  /**
   * @param renderBudget how long one map may take to draw; past it the request is answered with a
   *     ServiceException and nothing is cached
   */
  public WmsService(WmsLayers layers, int maxWidth, int maxHeight, TileCache cache, ServiceContact contact,
      Duration renderBudget) {
    this.renderBudget = renderBudget;
    this.capabilities = new CapabilitiesWriter(contact);
    if (maxWidth <= 0 || maxHeight <= 0) {
      throw new IllegalArgumentException("WMS max width/height must be positive");
    }
    this.layers = layers;
    this.maxWidth = maxWidth;
    this.maxHeight = maxHeight;
    this.cache = cache;
  }

  public TileCache cache() {
    return cache;
  }

  /**
   * Dispatches on REQUEST; {@code onlineResource} is the service URL advertised in capabilities. Runs under the
   * render budget: when it is spent the answer is a {@link WmsException} (code NoApplicableCode) naming it.
   */
  public Response handle(WmsParameters p, String onlineResource) {
    try (Budget.Scope b = Budget.open("the WMS request", renderBudget)) {
      return dispatch(p, onlineResource);
    } catch (Budget.BudgetExceededException e) {
      throw new WmsException(WmsException.NO_APPLICABLE_CODE, null, e.getMessage());
    }
  }

  private Response dispatch(WmsParameters p, String onlineResource) {
    String service = p.get("SERVICE");
    String request = p.get("REQUEST", "").trim();
    if (service != null && !service.isBlank() && !service.trim().equalsIgnoreCase("WMS")) {
      throw WmsException.invalid("SERVICE", "SERVICE must be WMS, got " + service);
    }
    if (request.isEmpty()) {
      throw WmsException.missing("REQUEST");
    }
    switch (request.toLowerCase(Locale.ROOT)) {
      case "getcapabilities":
      case "capabilities":
        return new Response(capabilities.write(layers, onlineResource, maxWidth, maxHeight), "text/xml");
      case "getmap":
      case "map":
        requireVersion(p);
        return getMap(p);
      case "getfeatureinfo":
        requireVersion(p);
        return featureInfo(GetFeatureInfoRequest.parse(versioned(p), maxWidth, maxHeight));
      case "getlegendgraphic":
        return legend(p);
      default:
        throw new WmsException(WmsException.OPERATION_NOT_SUPPORTED, "REQUEST",
            "request " + request + " is not supported; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic");
    }
  }

  /**
   * GetMap and GetFeatureInfo must name their VERSION (WMS 1.3.0 §6.9.2, tested by ets-wms13 getmap:no-version);
   * only GetCapabilities may omit it, to negotiate.
   */
  private static void requireVersion(WmsParameters p) {
    String v = p.get("VERSION");
    if (v == null || v.isBlank()) {
      throw WmsException.missing("VERSION");
    }
    if (!v.trim().equals("1.3.0") && !v.trim().startsWith("1.1")) {
      throw WmsException.invalid("VERSION", "VERSION must be 1.3.0, got " + v);
    }
  }

  /** WMS 1.1.x clients send EPSG:4326 boxes lon/lat under SRS: read them as CRS:84. */
  private static WmsParameters versioned(WmsParameters p) {
    String v = p.get("VERSION", "1.3.0").trim();
    String srs = p.get("CRS") != null ? p.get("CRS") : p.get("SRS");
    if (v.startsWith("1.1") && srs != null && srs.trim().equalsIgnoreCase("EPSG:4326")) {
      Map<String, String> m = new java.util.HashMap<>();
      for (String k : List.of("LAYERS", "STYLES", "BBOX", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR",
          "EXCEPTIONS", "CHECK_ID", "SLD_BODY", "QUERY_LAYERS", "INFO_FORMAT", "I", "J", "X", "Y", "FEATURE_COUNT")) {
        if (p.get(k) != null) {
          m.put(k, p.get(k));
        }
      }
      m.put("CRS", "CRS:84");
      return WmsParameters.of(m);
    }
    return p;
  }

  /** Renders (or finds in the cache) a map. */
  public Response getMap(WmsParameters raw) {
    WmsParameters p = versioned(raw);
    GetMapRequest req = GetMapRequest.parse(p, maxWidth, maxHeight, true);
    List<MapRenderer.RenderLayer> draw = resolve(req);
    boolean cacheable = cache.enabled() && req.sldBody() == null
        && (long) req.width() * req.height() <= CACHEABLE_PIXELS;
    String key = cacheable ? req.cacheKey() : "";
    long version = cacheable ? layers.version() : 0;
    if (cacheable) {
      byte[] hit = cache.get(key, version);
      if (hit != null) {
        return new Response(hit, req.format());
      }
    }
    BufferedImage img = renderer.render(req.view(), draw);
    byte[] body = encode(img, req.format());
    if (cacheable) {
      cache.put(key, version, body);
    }
    return new Response(body, req.format());
  }

  private List<MapRenderer.RenderLayer> resolve(GetMapRequest req) {
    Map<String, List<Style>> sld = req.sldBody() == null ? Map.of() : sld(req.sldBody());
    List<MapRenderer.RenderLayer> out = new ArrayList<>();
    Envelope lonLat = BboxProjector.toLonLat(req.bbox(), req.crs());
    MapView view = req.view();
    for (int i = 0; i < req.layers().size(); i++) {
      String styleName = req.styles().get(i);
      for (WmsLayers.Entry e : layers.expand(req.layers().get(i), "LAYERS")) {
        Style style = sldStyle(sld.get(req.layers().get(i)), styleName);
        if (style == null) {
          style = e.style(styleName.equals(Style.DEFAULT) ? "" : styleName);
        }
        out.add(new MapRenderer.RenderLayer(layers.projected(e, view, style, req.checkId(), lonLat), style));
      }
    }
    return out;
  }

  private static @Nullable Style sldStyle(@Nullable List<Style> styles, String name) {
    if (styles == null || styles.isEmpty()) {
      return null;
    }
    for (Style s : styles) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return styles.get(0);
  }

  private static Map<String, List<Style>> sld(String body) {
    try {
      return SldReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    } catch (SldReader.SldException e) {
      throw WmsException.invalid("SLD_BODY", e.getMessage());
    }
  }

  static byte[] encode(BufferedImage img, String format) {
    if (GetMapRequest.PNG.equals(format)) {
      return PngEncoder.encode(img);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BufferedImage rgb = img;
      if (img.getType() != BufferedImage.TYPE_INT_RGB) {
        rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, java.awt.Color.WHITE, null);
      }
      ImageIO.write(rgb, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("JPEG encoding failed", e);
    }
  }

  /**
   * The failure as an image when the request is a GetMap asking EXCEPTIONS=INIMAGE or BLANK, else null (answer with
   * the XML report). Uses the requested size and background when they parse, 256×256 PNG otherwise.
   */
  public @Nullable Response exceptionImage(WmsParameters p, String code, String message) {
    String request = p.get("REQUEST", "");
    ExceptionFormat ef = ExceptionFormat.of(p);
    if (ef == ExceptionFormat.XML || !(request.equalsIgnoreCase("GetMap") || request.equalsIgnoreCase("map"))) {
      return null;
    }
    int w = dimension(p.get("WIDTH"), maxWidth);
    int h = dimension(p.get("HEIGHT"), maxHeight);
    String format;
    try {
      format = GetMapRequest.format(p.get("FORMAT", GetMapRequest.PNG));
    } catch (WmsException e) {
      format = GetMapRequest.PNG;
    }
    int bg = 0xFFFFFF;
    try {
      bg = Integer.parseInt(p.get("BGCOLOR", "0xFFFFFF").trim().replaceFirst("^(0[xX]|#)", ""), 16);
    } catch (NumberFormatException e) {
      // keep white
    }
    boolean transparent = GetMapRequest.PNG.equals(format)
        && Boolean.parseBoolean(p.get("TRANSPARENT", "FALSE").trim().toLowerCase(Locale.ROOT));
    BufferedImage img = ExceptionReportWriter.image(w, h, transparent, bg, ef == ExceptionFormat.INIMAGE, code,
        message);
    return new Response(encode(img, format), format);
  }

  private static int dimension(@Nullable String v, int max) {
    try {
      int n = v == null ? 256 : Integer.parseInt(v.trim());
      return n > 0 && n <= max ? n : 256;
    } catch (NumberFormatException e) {
      return 256;
    }
  }

  /** Features within {@link #TOLERANCE_PX} pixels of I/J, those under the exact pixel first. */
  public Response featureInfo(GetFeatureInfoRequest req) {
    GetMapRequest map = req.map();
    double res = map.resolution();
    double resY = map.bbox().getHeight() / map.height();
    double x = map.bbox().getMinX() + (req.i() + 0.5) * res;
    double y = map.bbox().getMaxY() - (req.j() + 0.5) * resY;
    Envelope box = new Envelope(x - TOLERANCE_PX * res, x + TOLERANCE_PX * res, y - TOLERANCE_PX * resY,
        y + TOLERANCE_PX * resY);
    Envelope lonLatBox = BboxProjector.toLonLat(box, map.crs());
    double[] ll = map.crs().isGeographic() ? new double[] {x, y} : map.crs().projection().inverse(x, y);
    Geometry point = id.tapak.core.geo.GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(ll[0], ll[1]));
    PreparedGeometry near = PreparedGeometryFactory.prepare(id.tapak.core.geo.GeoJson.FACTORY.toGeometry(lonLatBox));
    List<FeatureInfoWriter.Hits> hits = new ArrayList<>();
    for (String name : req.queryLayers()) {
      for (WmsLayers.Entry e : layers.expand(name, "QUERY_LAYERS")) {
        List<Feature> under = new ArrayList<>();
        List<Feature> around = new ArrayList<>();
        for (Feature f : layers.candidates(e, lonLatBox, map.checkId())) {
          if (f.geometry().intersects(point)) {
            under.add(f);
          } else if (near.intersects(f.geometry())) {
            around.add(f);
          }
        }
        under.addAll(around);
        hits.add(new FeatureInfoWriter.Hits(e, under.subList(0, Math.min(req.featureCount(), under.size()))));
      }
    }
    String type = req.infoFormat().equals(GetFeatureInfoRequest.JSON) ? "application/json"
        : req.infoFormat() + "; charset=UTF-8";
    return new Response(FeatureInfoWriter.write(hits, req.infoFormat()), type);
  }

  /** GetLegendGraphic: LAYER (required), STYLE (optional), FORMAT image/png; WIDTH/HEIGHT are ignored. */
  public Response legend(WmsParameters p) {
    String name = p.required("LAYER");
    String format = GetMapRequest.format(p.get("FORMAT", GetMapRequest.PNG));
    List<WmsLayers.Entry> entries = layers.expand(name, "LAYER");
    WmsLayers.Entry e = entries.get(0);
    String styleName = p.get("STYLE", "");
    Style style = e.style(styleName.equals(Style.DEFAULT) ? "" : styleName);
    GeometryKind kind = e.layer() != null ? e.layer().geometryKind() : GeometryKind.POLYGON;
    boolean transparent = Boolean.parseBoolean(p.get("TRANSPARENT", "TRUE").toLowerCase(Locale.ROOT));
    BufferedImage img = legends.render(style, kind, transparent && GetMapRequest.PNG.equals(format));
    return new Response(encode(img, format), format);
  }
}
