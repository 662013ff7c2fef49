package id.tapak.core.rulebook;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.Budget;
import id.tapak.core.model.TapakException;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.LayerSources;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a proposal from a file in any supported format (GeoJSON, KML, GeoPackage, zipped shapefile) straight into
 * the parts {@link ProposalParser} checks: read once through {@link LayerSources}, reprojected to EPSG:4326, a
 * {@code use} attribute kept (zones); no GeoJSON text is written and parsed again on the way. The request properties (name, kind, special_case, kbli, exception, *_ha) are
 * read from the site feature's own attributes (case-insensitive, also as the 10-character dBase names such as
 * {@code industrial}), and form fields (or CLI {@code --property}) override them; the report's notes say which value
 * came from where. A zipped shapefile without {@code .prj} is refused unless a {@code crs} field names its CRS; a
 * GeoPackage with several tables needs the {@code layer} field. Shared by the upload endpoint and {@code tapak
 * check}. Stateless.
 */
public final class ProposalFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> NUMBERS = Set.of("industrial_plot_ha", "ikm_ha", "green_space_ha", "road_ha");
  private static final Set<String> TEXTS = Set.of("name", "kind", "special_case", "kbli", "exception");
  /** Form fields that steer the reading, not the proposal. */
  private static final Set<String> READING = Set.of("crs", "layer");
  private static final long MAX_UNZIPPED = 200L * 1024 * 1024;

  private ProposalFiles() {}

  /** True when the file name has an extension this class reads. */
  public static boolean supported(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".kml") || n.endsWith(".gpkg") || n.endsWith(".geojson")
        || n.endsWith(".json");
  }

  /**
   * Reads a proposal file, under the parser's limits and its upload time budget.
   *
   * @param file the file; a .zip is unpacked next to it into {@code scratch}
   * @param scratch a folder the caller owns and deletes
   * @param form request properties as text (form fields or CLI options); numbers are parsed here
   * @param parser checks the geometries and properties, as for a GeoJSON body
   * @throws TapakException naming {@code file} or the property when the file or a value is unusable
   */
  public static Proposal read(Path file, Path scratch, Map<String, String> form, ProposalParser parser) {
    ProposalLimits limits = parser.limits();
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    try (Budget.Scope budget = Budget.open("reading the uploaded file", limits.uploadBudget())) {
      if (Files.size(file) > limits.maxBytes()) {
        throw TapakException.tooLarge("file", "the file has " + Files.size(file) + " bytes, more than the limit of "
            + limits.maxBytes());
      }
      SourceType type;
      Path path = file;
      if (lower.endsWith(".zip")) {
        path = unzipShapefile(file, scratch.resolve("unzipped"));
        type = SourceType.SHAPEFILE;
      } else if (lower.endsWith(".kml")) {
        type = SourceType.KML;
      } else if (lower.endsWith(".gpkg")) {
        type = SourceType.GEOPACKAGE;
      } else if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
        type = SourceType.GEOJSON;
      } else {
        throw TapakException.unprocessable("file", "unsupported file '" + name + "': send a .zip (shapefile), .kml, "
            + ".gpkg or .geojson");
      }
      String layer = blankToNull(form.get("layer"));
      LayerSource source;
      try {
        source = LayerSources.open(new SourceSpec(type, path.toAbsolutePath().toString(), layer, null),
            path.toAbsolutePath().getParent());
        source.describe();
      } catch (SourceException e) {
        if (e.key().filter("source.layer"::equals).isPresent()) {
          String m = shown(e.getMessage(), file, scratch, name)
              .replace("set source.layer to one of", "choose one with the form field 'layer' (CLI: --property "
                  + "layer=NAME), one of");
          throw TapakException.unprocessable("layer", m);
        }
        throw e;
      }
      return parser.build(parts(source, form, limits, type, name));
    } catch (SourceException e) {
      throw TapakException.unprocessable("file", "the file cannot be read: "
          + shown(e.getMessage(), file, scratch, name));
    } catch (IOException e) {
      throw TapakException.badRequest("file", "the file could not be read: "
          + shown(String.valueOf(e.getMessage()), file, scratch, name));
    }
  }

  /**
   * A reader's message as the client may see it: the files as the client named them ({@code site.zip!site.dbf} for
   * a part of a zip), never the folders the server saved or unpacked them in.
   */
  private static String shown(String message, Path file, Path scratch, String name) {
    String folder = scratch.toAbsolutePath().toString();
    String unzipped = scratch.resolve("unzipped").toAbsolutePath() + java.io.File.separator;
    return message.replace(unzipped, name + "!").replace(file.toAbsolutePath().toString(), name)
        .replace(folder + java.io.File.separator, "").replace(folder, "");
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<ProposalParser.Part> parts(LayerSource source, Map<String, String> form,
      ProposalLimits limits, SourceType type, String fileName) {
    SourceSchema schema = source.describe();
    String crs = blankToNull(form.get("crs"));
    int epsg;
    if (crs != null) {
      try {
        epsg = CrsRegistry.parse(crs);
      } catch (IllegalArgumentException e) {
        throw TapakException.unprocessable("crs", e.getMessage());
      }
    } else if (schema.epsg().isPresent()) {
      epsg = schema.epsg().getAsInt();
    } else if (type == SourceType.SHAPEFILE && schema.crsProblem() != null) {
      throw TapakException.unprocessable("file", "the CRS of the zipped shapefile '" + fileName + "' is unknown: "
          + schema.crsProblem() + "; give the CRS in the form field 'crs' (e.g. EPSG:32749; CLI: --property "
          + "crs=EPSG:32749) or write the .prj with GDAL or QGIS");
    } else if (type == SourceType.SHAPEFILE) {
      throw TapakException.unprocessable("file", "the zipped shapefile '" + fileName + "' has no .prj, so its CRS is "
          + "unknown: put the .prj in the zip, or give the CRS in the form field 'crs' (e.g. EPSG:32749; CLI: "
          + "--property crs=EPSG:32749)");
    } else {
      // GeoJSON (RFC 7946) and KML are lon/lat by definition
      epsg = CrsRegistry.WGS84;
    }
    if (!CrsRegistry.isSupported(epsg)) {
      throw TapakException.unprocessable("file", "the file's CRS EPSG:" + epsg + " is not supported; use EPSG:4326 "
          + "or a UTM zone");
    }
    GeometryTransform t = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    List<SourceFeature> features = new ArrayList<>();
    source.read(f -> {
      Budget.checkpoint();
      if (features.size() >= limits.maxFeatures()) {
        throw TapakException.tooLarge("file", "more than " + limits.maxFeatures() + " features in the file");
      }
      features.add(f);
    });
    List<ProposalParser.Part> parts = new ArrayList<>();
    boolean siteDone = false;
    for (SourceFeature f : features) {
      if (f.geometry() == null) {
        continue;
      }
      ObjectNode props = JSON.createObjectNode();
      Object use = f.properties().get("use");
      if (use != null && !use.toString().isBlank()) {
        props.put("use", use.toString());
      }
      if (!siteDone && (use == null || "site".equalsIgnoreCase(use.toString()))) {
        siteDone = true;
        siteProperties(f.properties(), form, props, crs != null ? "EPSG:" + epsg : null);
      }
      // the prefix names the feature as the GeoJSON of the file would, for messages
      parts.add(new ProposalParser.Part("features[" + parts.size() + "].",
          GeoJson.FACTORY.createGeometry(t.apply(f.geometry())), props));
    }
    return parts;
  }

  /**
   * The site's request properties: the file's attributes, overridden by the form; a {@code provenance} list says
   * where each value came from (copied into the report's notes by {@link ProposalParser}).
   */
  private static void siteProperties(Map<String, @Nullable Object> attrs, Map<String, String> form, ObjectNode out,
      @Nullable String crs) {
    List<String> provenance = new ArrayList<>();
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (String key : ordered()) {
      Map.Entry<String, Object> fromFile = attribute(attrs, key);
      String fromForm = form.get(key);
      if (fromForm != null && !fromForm.isBlank()) {
        values.put(key, parse(key, fromForm, "properties." + key));
        provenance.add(key + " from the form" + (fromFile == null ? "" : " (overrides the file's " + fromFile.getKey()
            + " = " + fromFile.getValue() + ")"));
      } else if (fromFile != null) {
        values.put(key, parse(key, fromFile.getValue().toString(), "file attribute " + fromFile.getKey()));
        provenance.add(key + " from the file attribute '" + fromFile.getKey() + "'");
      }
    }
    if (crs != null) {
      provenance.add("CRS " + crs + " from the form field 'crs'");
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (e.getValue() instanceof Double d) {
        out.put(e.getKey(), d);
      } else {
        out.put(e.getKey(), e.getValue().toString());
      }
    }
    if (!provenance.isEmpty()) {
      ArrayNode list = out.putArray("provenance");
      provenance.forEach(list::add);
    }
  }

  private static List<String> ordered() {
    List<String> keys = new ArrayList<>(List.of("name", "kind", "special_case", "kbli", "exception"));
    keys.addAll(List.of("industrial_plot_ha", "ikm_ha", "green_space_ha", "road_ha"));
    return keys;
  }

  /** A file attribute for a key: same name in any case, or its 10-character dBase form (industrial, special_ca). */
  private static Map.@Nullable Entry<String, Object> attribute(Map<String, @Nullable Object> attrs, String key) {
    String dbf = key.length() > 10 ? key.substring(0, 10) : key;
    for (Map.Entry<String, @Nullable Object> e : attrs.entrySet()) {
      Object v = e.getValue();
      if (v != null && !v.toString().isBlank()
          && (e.getKey().equalsIgnoreCase(key) || e.getKey().equalsIgnoreCase(dbf))) {
        return Map.entry(e.getKey(), v);
      }
    }
    return null;
  }

  private static Object parse(String key, String value, String where) {
    if (!NUMBERS.contains(key)) {
      return value.trim();
    }
    try {
      return Double.parseDouble(value.trim().replace(',', '.'));
    } catch (NumberFormatException ex) {
      throw TapakException.unprocessable(where.startsWith("properties.") ? where : "file", key
          + " must be a number of hectares, got '" + value + "' (" + where + ")");
    }
  }

  /** Unzips (guarding against zip-slip and zip bombs) and returns the one .shp inside. */
  private static Path unzipShapefile(Path zip, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path root = dir.toAbsolutePath().normalize();
    long total = 0;
    List<Path> shps = new ArrayList<>();
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        @Nullable Path fileName = Path.of(e.getName()).getFileName();
        if (fileName == null) {
          continue;
        }
        Path target = root.resolve(fileName.toString()).normalize();
        if (!target.startsWith(root)) {
          throw TapakException.unprocessable("file", "bad entry name in the zip: " + e.getName());
        }
        // copy in chunks and stop at the limit: a single-entry zip bomb must not fill the disk before the check
        try (java.io.OutputStream out = Files.newOutputStream(target)) {
          byte[] buf = new byte[64 * 1024];
          for (int n = zin.read(buf); n > 0; n = zin.read(buf)) {
            total += n;
            if (total > MAX_UNZIPPED) {
              throw TapakException.tooLarge("file", "the zip unpacks to more than " + MAX_UNZIPPED + " bytes");
            }
            out.write(buf, 0, n);
          }
        }
        if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp")) {
          shps.add(target);
        }
      }
    } catch (IllegalArgumentException ex) {
      throw TapakException.unprocessable("file", "the file is not a readable zip: " + ex.getMessage());
    }
    if (shps.size() != 1) {
      throw TapakException.unprocessable("file", "the zip must hold exactly one .shp (with .shx, .dbf, .prj), found "
          + shps.size());
    }
    return shps.get(0);
  }
}
