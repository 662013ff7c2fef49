package id.tapak.core.rulebook;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.TapakException;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.LayerSources;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.io.ByteArrayOutputStream;
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
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a proposal from a file in any supported format (GeoJSON, KML, GeoPackage, zipped shapefile) into the GeoJSON
 * FeatureCollection {@link ProposalParser} takes: read through {@link LayerSources}, reprojected to EPSG:4326, a
 * {@code use} attribute kept (zones), and the given request properties (name, kind, special_case, *_ha) put on the
 * site feature. Shared by the upload endpoint and {@code tapak check}. Stateless.
 */
public final class ProposalFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> NUMBERS = Set.of("industrial_plot_ha", "ikm_ha", "green_space_ha", "road_ha");
  private static final Set<String> TEXTS = Set.of("name", "kind", "special_case");
  private static final long MAX_UNZIPPED = 200L * 1024 * 1024;

  private ProposalFiles() {}

  /** True when the file name has an extension this class reads. */
  public static boolean supported(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".kml") || n.endsWith(".gpkg") || n.endsWith(".geojson")
        || n.endsWith(".json");
  }

  /**
   * Converts a proposal file to request GeoJSON.
   *
   * @param file the file; a .zip is unpacked next to it into {@code scratch}
   * @param scratch a folder the caller owns and deletes
   * @param form request properties as text (form fields or CLI options); numbers are parsed here
   * @throws TapakException naming {@code file} or the property when the file or a value is unusable
   */
  public static byte[] toGeoJson(Path file, Path scratch, Map<String, String> form, ProposalLimits limits) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    try {
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
      LayerSource source = LayerSources.open(new SourceSpec(type, path.toAbsolutePath().toString(), null, null),
          path.toAbsolutePath().getParent());
      return collection(source, form, limits);
    } catch (SourceException e) {
      throw TapakException.unprocessable("file", "the file cannot be read: " + e.getMessage()
          .replace(scratch.toAbsolutePath().toString(), "").replace(file.toAbsolutePath().toString(), name));
    } catch (IOException e) {
      throw TapakException.badRequest("file", "the file could not be read: " + e.getMessage());
    }
  }

  private static byte[] collection(LayerSource source, Map<String, String> form, ProposalLimits limits) {
    SourceSchema schema = source.describe();
    int epsg = schema.epsg().orElse(CrsRegistry.WGS84);
    if (!CrsRegistry.isSupported(epsg)) {
      throw TapakException.unprocessable("file", "the file's CRS EPSG:" + epsg + " is not supported; use EPSG:4326 "
          + "or a UTM zone");
    }
    GeometryTransform t = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    List<SourceFeature> features = new ArrayList<>();
    source.read(f -> {
      if (features.size() >= limits.maxFeatures()) {
        throw TapakException.tooLarge("file", "more than " + limits.maxFeatures() + " features in the file");
      }
      features.add(f);
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      boolean siteDone = false;
      for (SourceFeature f : features) {
        if (f.geometry() == null) {
          continue;
        }
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeName("geometry");
        GeoJson.write(t.apply(f.geometry()), g, 9);
        g.writeName("properties");
        g.writeStartObject();
        Object use = f.properties().get("use");
        if (use != null && !use.toString().isBlank()) {
          g.writeStringProperty("use", use.toString());
        }
        if (!siteDone && (use == null || "site".equalsIgnoreCase(use.toString()))) {
          siteDone = true;
          formProperties(form, g);
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void formProperties(Map<String, String> form, JsonGenerator g) {
    for (Map.Entry<String, String> e : form.entrySet()) {
      if (TEXTS.contains(e.getKey())) {
        g.writeStringProperty(e.getKey(), e.getValue());
      } else if (NUMBERS.contains(e.getKey()) && !e.getValue().isBlank()) {
        try {
          g.writeNumberProperty(e.getKey(), Double.parseDouble(e.getValue().trim()));
        } catch (NumberFormatException ex) {
          throw TapakException.unprocessable("properties." + e.getKey(), e.getKey()
              + " must be a number of hectares, got '" + e.getValue() + "'");
        }
      }
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
