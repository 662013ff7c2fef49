package id.tapak.core.publish.report;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a printed report shows of one stored check, read from the stored JSON report (not from the engine's records,
 * so a report stored by an older or newer rulebook still prints: unknown members are ignored, missing ones fall
 * back). The rules not assessed come from the report's {@code notAssessed} member, else from findings whose status
 * is {@code NOT_ASSESSED}; the data used from its {@code dataUsed} member, else from the catalog. The site's
 * location is the names of the admin-layer features it touches.
 *
 * @param id check id
 * @param created ISO-8601 instant the check ran
 * @param name proposal name, or null
 * @param kind proposal kind wire name (new, expansion, sentra-ikm, industrial-company, ...), or null
 * @param specialCase Art. 78 special case wire name, or null
 * @param rulebook rulebook id (its version)
 * @param verdict verdict code (CONFORM, CONDITIONAL, NOT_CONFORM, INCOMPLETE or a later one)
 * @param siteHa geodesic hectares of the site
 * @param site the site, EPSG:4326 lon/lat
 * @param findings one line per rule, in rulebook order
 * @param notAssessed the rules that could not be assessed, with the reason
 * @param dataUsed the layers the check used
 * @param location per admin layer, the names of the features the site touches
 * @param notes what was done to the input (repairs, ignored properties)
 * @param createdBy the name of the access token that made the check, as the store recorded it; null for checks
 *     stored before it was recorded
 */
public record CheckReport(
    String id,
    String created,
    @Nullable String name,
    @Nullable String kind,
    @Nullable String specialCase,
    String rulebook,
    String verdict,
    double siteHa,
    Geometry site,
    List<Line> findings,
    List<NotAssessed> notAssessed,
    List<DataUsed> dataUsed,
    List<Place> location,
    List<String> notes,
    @Nullable String createdBy) {

  /** The status the rulebook gives a rule it could not assess (issue 8); older reports have none. */
  public static final String NOT_ASSESSED = "NOT_ASSESSED";
  /** Most names listed per admin layer in the location. */
  static final int MAX_PLACES = 6;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public CheckReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(site, "site");
    findings = List.copyOf(findings);
    notAssessed = List.copyOf(notAssessed);
    dataUsed = List.copyOf(dataUsed);
    location = List.copyOf(location);
    notes = List.copyOf(notes);
  }

  /**
   * One finding.
   *
   * @param rule rule id
   * @param title rule title
   * @param status status code
   * @param measured measured value in {@code unit}, or null
   * @param unit unit of measured and threshold (%, ha, m2, m), or null
   * @param threshold the figure compared against, or null
   * @param citation regulation and article
   * @param confidence confirmed or guideline (or what the rulebook says)
   * @param subject what the finding is about, or null
   * @param message what was found
   * @param condition the condition it holds on, or null
   * @param conflictHa hectares of the conflict geometry, or null when there is none
   * @param assessedHa hectares of the site the rule could assess (issue 8), or null
   * @param unassessedHa hectares it could not assess, or null
   * @param reason why (part of) the rule was not assessed, or null
   */
  public record Line(String rule, LocalizedText title, String status, @Nullable Double measured,
      @Nullable String unit, @Nullable Double threshold, String citation, String confidence,
      @Nullable String subject, LocalizedText message, @Nullable LocalizedText condition,
      @Nullable Double conflictHa, @Nullable Double assessedHa, @Nullable Double unassessedHa,
      @Nullable LocalizedText reason) {
    public Line {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(status, "status");
    }
  }

  /** A rule that could not be assessed, and why. */
  public record NotAssessed(String rule, LocalizedText title, LocalizedText reason) {}

  /**
   * One layer the check used.
   *
   * @param layer layer id
   * @param title layer title
   * @param source where the data comes from (attribution), or null
   * @param date the data's date, or null when the project does not say
   * @param geometryQuality e.g. schematic or survey, or null when unknown
   * @param regulation the regulation the layer represents (e.g. the Perda RTRW), or null
   */
  public record DataUsed(String layer, LocalizedText title, @Nullable String source, @Nullable String date,
      @Nullable String geometryQuality, @Nullable String regulation) {

    /** True when the layer is declared schematic (drawn from public facts, not survey data). */
    public boolean schematic() {
      return isSchematic(geometryQuality);
    }
  }

  /** The features of one admin layer (kabupaten/kota, kecamatan, priority region) the site touches. */
  public record Place(LocalizedText layerTitle, List<String> names) {
    public Place {
      names = List.copyOf(names);
    }
  }

  /** Rules whose finding or {@code notAssessed} entry says they were not assessed. */
  public boolean assessed(String rule) {
    return notAssessed.stream().noneMatch(n -> n.rule().equals(rule));
  }

  /**
   * Reads a JSON report (its {@code createdBy} member, when it has one, is who made it: an API answer has it, a
   * stored report does not, see {@link #parse(byte[], Catalog, String)}); {@code catalog} supplies the location and,
   * when the report lacks it, the data used.
   */
  public static CheckReport parse(byte[] json, Catalog catalog) {
    return parse(json, catalog, null);
  }

  /** Reads a stored JSON report made by {@code createdBy} (the store's record of it; null: the report's own member). */
  public static CheckReport parse(byte[] json, Catalog catalog, @Nullable String createdBy) {
    JsonNode root = JSON.readTree(json);
    Geometry site = GeoJson.parse(root.path("site"), "site");
    List<Line> lines = new ArrayList<>();
    for (JsonNode f : root.path("findings")) {
      lines.add(new Line(str(f, "rule", "?"), text(f.path("title"), str(f, "rule", "?")),
          str(f, "status", "UNKNOWN"), num(f, "measured"), strOrNull(f, "unit"), num(f, "threshold"),
          str(f, "citation", ""), str(f, "confidence", ""), strOrNull(f, "subject"),
          text(f.path("message"), ""), textOrNull(f.path("condition")), num(f, "conflictHa"),
          num(f, "assessedHa"), num(f, "unassessedHa"), textOrNull(f.path("reason"))));
    }
    List<NotAssessed> notAssessed = new ArrayList<>();
    if (root.path("notAssessed").isArray()) {
      for (JsonNode n : root.path("notAssessed")) {
        String rule = str(n, "rule", "?");
        notAssessed.add(new NotAssessed(rule, text(n.path("title"), rule), text(n.path("reason"), "")));
      }
    } else {
      for (Line l : lines) {
        if (NOT_ASSESSED.equals(l.status())) {
          notAssessed.add(new NotAssessed(l.rule(), l.title(), l.reason() != null ? l.reason() : l.message()));
        }
      }
    }
    List<DataUsed> data = new ArrayList<>();
    if (root.path("dataUsed").isArray()) {
      for (JsonNode d : root.path("dataUsed")) {
        String layer = str(d, "layer", "?");
        data.add(new DataUsed(layer, text(d.path("title"), layer), strOrNull(d, "source"), strOrNull(d, "date"),
            strOrNull(d, "geometryQuality"), strOrNull(d, "regulation")));
      }
    } else {
      data.addAll(dataUsed(catalog, site));
    }
    List<String> notes = new ArrayList<>();
    for (JsonNode n : root.path("notes")) {
      notes.add(n.asString(""));
    }
    return new CheckReport(str(root, "id", "?"), str(root, "created", ""), strOrNull(root, "name"),
        strOrNull(root, "kind"), strOrNull(root, "specialCase"), str(root, "rulebook", ""),
        str(root, "verdict", "UNKNOWN"), root.path("siteHa").asDouble(Double.NaN), site, lines, notAssessed, data,
        location(catalog, site), notes, createdBy != null ? createdBy : strOrNull(root, "createdBy"));
  }

  /**
   * The data used as the catalog describes it: every layer except the admin ones (the base map), its attribution as
   * source (plus the table for a PostGIS layer), its features' {@code geometry_quality} (or "schematic" when its title or description says so) and, for
   * plan layers, the regulations ({@code NOTHPR}, KUGI "nomor dan tahun peraturan") of the plan features under the
   * site. The catalog records no data date, so the date stays null.
   */
  static List<DataUsed> dataUsed(Catalog catalog, Geometry site) {
    List<DataUsed> out = new ArrayList<>();
    for (Layer l : catalog.layers()) {
      if (l.role() == LayerRole.ADMIN) {
        continue;
      }
      String quality = geometryQuality(l);
      String regulation = null;
      if (l.role() == LayerRole.SPATIAL_PLAN || l.role() == LayerRole.DETAIL_PLAN) {
        regulation = attributeValues(l.intersecting(site), "NOTHPR", 4);
      }
      // a live layer says where it lives (the table, never the JDBC URL, which may carry credentials)
      String source = l.spec().attribution();
      if (l.spec().source().type() == SourceType.POSTGIS) {
        source = (source == null ? "" : source + " · ") + "PostGIS " + l.spec().source().layer();
      }
      out.add(new DataUsed(l.id(), l.spec().title(), source, null, quality, regulation));
    }
    return out;
  }

  /**
   * How good a layer's geometry is, as the layer says: its features' {@code geometry_quality} values, else
   * "schematic" when its title or description says so, else null (not declared).
   */
  public static @Nullable String geometryQuality(Layer l) {
    // the layer's own answer (its spec, else its features' geometry_quality), else what its title or description says
    String quality = l.geometryQuality();
    String described = (l.spec().title().id() + " " + l.spec().title().en() + " "
        + Objects.requireNonNullElse(l.spec().description(), "")).toLowerCase(Locale.ROOT);
    if (quality == null && (described.contains("schematic") || described.contains("skematik"))) {
      quality = "schematic";
    }
    return quality;
  }

  /** True when a declared geometry quality says schematic anywhere ("schematic", "official, schematic" ...). */
  public static boolean isSchematic(@Nullable String geometryQuality) {
    return geometryQuality != null && geometryQuality.toLowerCase(Locale.ROOT).contains("schemati");
  }

  /** Distinct non-blank values of one attribute (case-insensitive name), at most {@code max}, joined by "; ". */
  private static @Nullable String attributeValues(List<Feature> features, String attribute, int max) {
    Set<String> values = new LinkedHashSet<>();
    for (Feature f : features) {
      for (Map.Entry<String, @Nullable Object> e : f.properties().entrySet()) {
        if (e.getKey().equalsIgnoreCase(attribute) && e.getValue() != null && !e.getValue().toString().isBlank()) {
          values.add(e.getValue().toString().trim());
        }
      }
      if (values.size() >= max) {
        break;
      }
    }
    return values.isEmpty() ? null : String.join("; ", values);
  }

  /** Per admin layer, the names of the features the site touches (kabupaten/kota, kecamatan, priority region). */
  static List<Place> location(Catalog catalog, Geometry site) {
    List<Place> out = new ArrayList<>();
    for (Layer l : catalog.layers(LayerRole.ADMIN)) {
      String field = l.spec().fields().name();
      Map<String, Boolean> names = new LinkedHashMap<>();
      for (Feature f : l.intersecting(site)) {
        String n = f.text(field);
        if (n != null && !n.isBlank()) {
          names.put(n.trim(), true);
        }
      }
      if (!names.isEmpty()) {
        out.add(new Place(l.spec().title(), names.keySet().stream().limit(MAX_PLACES).toList()));
      }
    }
    return out;
  }

  private static String str(JsonNode n, String field, String fallback) {
    String s = strOrNull(n, field);
    return s == null ? fallback : s;
  }

  private static @Nullable String strOrNull(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isString() || v.isNumber() || v.isBoolean() ? v.asString() : null;
  }

  private static @Nullable Double num(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
  }

  /** A bilingual text: {id, en} object, or a plain string used for both. */
  private static LocalizedText text(JsonNode n, String fallback) {
    LocalizedText t = textOrNull(n);
    String f = fallback.isBlank() ? "—" : fallback;
    return t == null ? LocalizedText.of(f, f) : t;
  }

  private static @Nullable LocalizedText textOrNull(JsonNode n) {
    if (n.isString()) {
      return n.asString().isBlank() ? null : LocalizedText.of(n.asString(), n.asString());
    }
    if (!n.isObject()) {
      return null;
    }
    String id = n.path("id").isString() && !n.path("id").asString().isBlank() ? n.path("id").asString() : null;
    String en = n.path("en").isString() && !n.path("en").asString().isBlank() ? n.path("en").asString() : null;
    if (id == null && en == null) {
      return null;
    }
    return LocalizedText.of(id != null ? id : en, en != null ? en : id);
  }
}
