package id.tapak.core.rulebook;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.geo.GeometryRepair;
import id.tapak.core.model.TapakException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a GeoJSON Feature or FeatureCollection (EPSG:4326, [lon, lat]) into a {@link Proposal}, refusing bad input
 * with a {@link TapakException} that names the JSON path at fault. Features without a {@code use} property (or with
 * {@code use: site}) are the site; the others are land-use zones. Self-intersecting polygons are repaired and the
 * repair is noted in the report; unknown properties are ignored and listed. Thread-safe.
 */
public final class ProposalParser {

  /** Indonesia with a margin: lon 94–142 E, lat 11.5 S – 6.5 N. */
  static final Envelope INDONESIA = new Envelope(94, 142, -11.5, 6.5);

  private static final JsonMapper JSON = GeoJson.JSON;
  /**
   * Longest text property (name, kind, use, ...), in characters: every check stores its proposal's texts, so they
   * are bounded (a longer one is 422 naming the property); unknown property names and provenance notes that are
   * kept as notes are bounded in number and length too.
   */
  public static final int MAX_TEXT = 200;

  /** Most unknown property names listed in the notes, and the longest kept of each. */
  private static final int MAX_IGNORED = 20;

  private static final Set<String> KNOWN = Set.of("name", "kind", "special_case", "industrial_plot_ha", "ikm_ha",
      "green_space_ha", "road_ha", "use", "kbli", "exception", "provenance");

  private final ProposalLimits limits;

  public ProposalParser(ProposalLimits limits) {
    this.limits = limits;
  }

  /** Parses a request body. */
  public Proposal parse(byte[] body) {
    if (body.length > limits.maxBytes()) {
      throw TapakException.tooLarge("body", "the request body has " + body.length + " bytes, more than the limit of "
          + limits.maxBytes());
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      if (GeoJson.tooDeep(e)) {
        throw TapakException.unprocessable("body", "the body nests JSON objects and arrays deeper than "
            + GeoJson.MAX_JSON_DEPTH + " levels");
      }
      throw TapakException.badRequest("body", "the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw TapakException.badRequest("body", "the body is empty");
    }
    return parse(root);
  }

  /** Parses a GeoJSON tree. */
  public Proposal parse(JsonNode root) {
    if (!root.isObject()) {
      throw TapakException.unprocessable("body", "a GeoJSON Feature or FeatureCollection object is required");
    }
    String type = root.path("type").isString() ? root.path("type").stringValue() : "";
    List<Part> parts = new ArrayList<>();
    switch (type) {
      case "Feature" -> parts.add(feature(root, ""));
      case "FeatureCollection" -> {
        JsonNode fs = root.path("features");
        if (!fs.isArray()) {
          throw TapakException.unprocessable("features", "a FeatureCollection needs a features array");
        }
        if (fs.size() > limits.maxFeatures()) {
          throw TapakException.tooLarge("features", fs.size() + " features, more than the limit of "
              + limits.maxFeatures());
        }
        for (int i = 0; i < fs.size(); i++) {
          parts.add(feature(fs.get(i), "features[" + i + "]."));
        }
      }
      case "Polygon", "MultiPolygon" -> parts.add(new Part("", parseGeometry(root, "geometry"),
          JSON.createObjectNode()));
      default -> throw TapakException.unprocessable("type", "expected a GeoJSON Feature or FeatureCollection, got "
          + (type.isEmpty() ? "no type" : "'" + type + "'"));
    }
    return build(parts);
  }

  /**
   * One feature of a proposal: the site or a zone, its geometry already read (from GeoJSON here, from a file by
   * {@link ProposalFiles}) and its properties as JSON.
   *
   * @param prefix the feature's JSON path prefix for messages, e.g. "features[2]."
   */
  record Part(String prefix, Geometry geometry, JsonNode properties) {}

  ProposalLimits limits() {
    return limits;
  }

  private Part feature(JsonNode f, String prefix) {
    if (!f.isObject() || !"Feature".equals(f.path("type").asString(""))) {
      throw TapakException.unprocessable(prefix.isEmpty() ? "type" : prefix + "type", "a GeoJSON Feature is required");
    }
    JsonNode g = f.path("geometry");
    if (!g.isObject()) {
      throw TapakException.unprocessable(prefix + "geometry", "the feature has no geometry; a Polygon or "
          + "MultiPolygon is required");
    }
    JsonNode p = f.path("properties");
    if (!p.isObject() && !p.isNull() && !p.isMissingNode()) {
      throw TapakException.unprocessable(prefix + "properties", "properties must be an object");
    }
    return new Part(prefix, parseGeometry(g, prefix + "geometry"), p.isObject() ? p : JSON.createObjectNode());
  }

  private static Geometry parseGeometry(JsonNode g, String path) {
    try {
      return GeoJson.parse(g, path);
    } catch (GeoJson.GeoJsonException e) {
      throw TapakException.unprocessable(e.path(), e.getMessage());
    }
  }

  /** The proposal of its parts, every geometry checked (polygonal, in Indonesia, size, repair) and every property. */
  Proposal build(List<Part> parts) {
    List<Geometry> siteParts = new ArrayList<>();
    List<Proposal.Zone> zones = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> ignored = new TreeSet<>();
    JsonNode props = null;
    int vertices = 0;
    for (Part part : parts) {
      Geometry g = geometry(part);
      vertices += g.getNumPoints();
      if (vertices > limits.maxVertices()) {
        throw TapakException.tooLarge(part.prefix() + "geometry", "more than " + limits.maxVertices()
            + " vertices in the proposal");
      }
      for (String k : part.properties().propertyNames()) {
        if (!KNOWN.contains(k)) {
          ignored.add(part.prefix() + "properties." + k);
        }
      }
      JsonNode use = part.properties().path("use");
      String useText = use.isMissingNode() || use.isNull() ? "site" : text(use, part.prefix() + "properties.use");
      g = repair(g, part.prefix() + "geometry", notes, limits.maxSelfIntersections());
      if (useText.equalsIgnoreCase("site")) {
        siteParts.add(g);
        if (props == null) {
          props = part.properties();
          readProps(props, part.prefix());
        }
      } else {
        Proposal.ZoneUse zu = Proposal.ZoneUse.parse(useText);
        if (zu == null) {
          throw TapakException.unprocessable(part.prefix() + "properties.use", "unknown use '" + useText
              + "', expected site, industrial_plot, ikm, green_space, road or other");
        }
        zones.add(new Proposal.Zone(zu, g));
      }
    }
    if (siteParts.isEmpty()) {
      throw TapakException.unprocessable("features", "no site polygon: give at least one feature without a use "
          + "property (or use: site)");
    }
    if (!ignored.isEmpty()) {
      List<String> shown = ignored.stream().limit(MAX_IGNORED).map(ProposalParser::clip).toList();
      notes.add("ignored unknown properties: " + String.join(", ", shown)
          + (ignored.size() > MAX_IGNORED ? " and " + (ignored.size() - MAX_IGNORED) + " more" : ""));
    }
    if (props != null && props.path("provenance").isArray()) {
      // where each value of an uploaded file came from (set by ProposalFiles)
      for (JsonNode n : props.path("provenance")) {
        if (n.isString() && notes.size() < 50) {
          notes.add(n.stringValue().length() > 4 * MAX_TEXT ? n.stringValue().substring(0, 4 * MAX_TEXT) + "…"
              : n.stringValue());
        }
      }
    }
    Geometry site = siteParts.size() == 1 ? siteParts.get(0)
        : OverlayNGRobust.union(GeoJson.FACTORY.buildGeometry(siteParts));
    String prefix = "";
    for (Part part : parts) {
      if (part.properties() == props) {
        prefix = part.prefix();
      }
    }
    JsonNode p = props == null ? JSON.createObjectNode() : props;
    String kindText = optText(p, "kind", prefix);
    Proposal.Kind kind = kindText == null ? Proposal.Kind.NEW : Proposal.Kind.parse(kindText);
    if (kind == null) {
      throw TapakException.unprocessable(prefix + "properties.kind", "unknown kind '" + kindText
          + "', expected new, expansion, sentra-ikm or industrial-company");
    }
    String scText = optText(p, "special_case", prefix);
    Proposal.SpecialCase sc = null;
    if (scText != null && !scText.isBlank() && !scText.equalsIgnoreCase("none")) {
      sc = Proposal.SpecialCase.parse(scText);
      if (sc == null) {
        throw TapakException.unprocessable(prefix + "properties.special_case", "unknown special_case '" + scText
            + "', expected thematic, small-kpi-patch or national-policy (PP 20/2024 Art. 78)");
      }
    }
    String exText = optText(p, "exception", prefix);
    Proposal.CompanyException ex = null;
    if (exText != null && !exText.isBlank() && !exText.equalsIgnoreCase("none")) {
      ex = Proposal.CompanyException.parse(exText);
      if (ex == null) {
        throw TapakException.unprocessable(prefix + "properties.exception", "unknown exception '" + exText
            + "', expected one of " + java.util.Arrays.stream(Proposal.CompanyException.values())
            .map(Proposal.CompanyException::wireName).toList() + " (PP 20/2024 Art. 62)");
      }
      if (kind != Proposal.Kind.INDUSTRIAL_COMPANY) {
        throw TapakException.unprocessable(prefix + "properties.exception", "an Art. 62 exception is only for kind "
            + "industrial-company");
      }
    }
    JsonNode kbliNode = p.path("kbli");
    String kbli = kbliNode.isNumber() ? kbliNode.asString() : optText(p, "kbli", prefix);
    if (kbli != null && !kbli.matches("\\d{2,5}")) {
      throw TapakException.unprocessable(prefix + "properties.kbli", "a KBLI code has 2 to 5 digits, got '" + kbli
          + "'");
    }
    return new Proposal(optText(p, "name", prefix), kind, sc, site, zones, hectares(p, "industrial_plot_ha", prefix),
        hectares(p, "ikm_ha", prefix), hectares(p, "green_space_ha", prefix), hectares(p, "road_ha", prefix), null,
        notes, kbli, ex);
  }

  private void readProps(JsonNode p, String prefix) {
    // type errors surface here, before any evaluation
    optText(p, "name", prefix);
    optText(p, "kind", prefix);
    optText(p, "special_case", prefix);
  }

  private Geometry geometry(Part part) {
    String path = part.prefix() + "geometry";
    Geometry g = part.geometry();
    if (!(g instanceof Polygonal)) {
      throw TapakException.unprocessable(path + ".type", "a site or zone must be a Polygon or MultiPolygon, got "
          + g.getGeometryType());
    }
    if (g.isEmpty()) {
      throw TapakException.unprocessable(path + ".coordinates", "the polygon is empty");
    }
    Envelope e = g.getEnvelopeInternal();
    if (!INDONESIA.contains(e)) {
      Envelope swapped = new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
      String hint = INDONESIA.contains(swapped)
          ? " It looks like latitude and longitude are swapped: GeoJSON positions are [longitude, latitude]."
          : "";
      throw TapakException.unprocessable(path + ".coordinates", String.format(Locale.ROOT,
          "coordinates (lon %.4f..%.4f, lat %.4f..%.4f) lie outside Indonesia (lon 94..142, lat -11.5..6.5).%s",
          e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(), hint));
    }
    return g;
  }

  private static Geometry repair(Geometry g, String path, List<String> notes, int maxCrossings) {
    IsValidOp op = new IsValidOp(g);
    if (op.isValid()) {
      return g;
    }
    TopologyValidationError err = op.getValidationError();
    String where = err.getCoordinate() == null ? "" : String.format(Locale.ROOT, " at lon %.6f, lat %.6f",
        err.getCoordinate().x, err.getCoordinate().y);
    Geometry fixed;
    try {
      fixed = GeometryRepair.repair(g, maxCrossings).geometry();
    } catch (GeometryRepair.TooComplexException e) {
      throw TapakException.unprocessable(path, "the polygon is invalid (" + err.getMessage() + where + ") and "
          + e.getMessage());
    }
    if (fixed.isEmpty() || !(fixed instanceof Polygonal) || GeodesicMeasure.squareMetres(fixed) <= 0) {
      throw TapakException.unprocessable(path, "the polygon is invalid (" + err.getMessage() + where
          + ") and cannot be repaired");
    }
    notes.add(String.format(Locale.ROOT, "%s was invalid (%s%s) and was repaired; the repaired polygon has %.4f ha",
        path, err.getMessage(), where, GeodesicMeasure.hectares(fixed)));
    return fixed;
  }

  private static String text(JsonNode n, String field) {
    if (!n.isString()) {
      throw TapakException.unprocessable(field, "must be a string");
    }
    String s = n.stringValue();
    if (s.length() > MAX_TEXT) {
      throw TapakException.unprocessable(field, "is longer than " + MAX_TEXT + " characters (" + s.length() + ")");
    }
    return s;
  }

  /** A name as kept in a note: at most {@link #MAX_TEXT} / 2 characters. */
  private static String clip(String s) {
    return s.length() > MAX_TEXT / 2 ? s.substring(0, MAX_TEXT / 2) + "…" : s;
  }

  private static @Nullable String optText(JsonNode p, String key, String prefix) {
    JsonNode n = p.path(key);
    return n.isMissingNode() || n.isNull() ? null : text(n, prefix + "properties." + key);
  }

  private static @Nullable Double hectares(JsonNode p, String key, String prefix) {
    JsonNode n = p.path(key);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    String field = prefix + "properties." + key;
    if (!n.isNumber()) {
      throw TapakException.unprocessable(field, "must be a number of hectares, got " + n.getNodeType()
          .name().toLowerCase(Locale.ROOT));
    }
    double v = n.asDouble();
    if (!Double.isFinite(v) || v < 0) {
      throw TapakException.unprocessable(field, "must be a finite number >= 0, got " + v);
    }
    return v;
  }
}
