package id.tapak.web.checks;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.LayerSources;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JsonGenerator;

/**
 * Turns an uploaded proposal file (zipped shapefile, KML, GeoPackage or GeoJSON) into the GeoJSON FeatureCollection
 * that {@code POST /api/checks} takes as a body: the file goes to a temporary folder, is read through
 * {@link LayerSources}, reprojected to EPSG:4326, and the form fields (name, kind, special_case, *_ha) become the
 * properties of the site feature. The temporary folder is always deleted.
 */
@Component
class UploadReader {

  private static final Set<String> NUMBERS = Set.of("industrial_plot_ha", "ikm_ha", "green_space_ha", "road_ha");
  private static final Set<String> TEXTS = Set.of("name", "kind", "special_case");
  private static final long MAX_UNZIPPED = 200L * 1024 * 1024;

  private final ProposalLimits limits;

  UploadReader(ProposalLimits limits) {
    this.limits = limits;
  }

  byte[] toGeoJson(MultipartFile file, Map<String, String> form) {
    if (file.getSize() > limits.maxBytes()) {
      throw TapakException.tooLarge("file", "the upload has " + file.getSize() + " bytes, more than the limit of "
          + limits.maxBytes());
    }
    String name = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName()
        .toString();
    String lower = name.toLowerCase(Locale.ROOT);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tapak-upload");
      Path saved = dir.resolve(lower.replaceAll("[^a-z0-9._-]", "_"));
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, saved);
      }
      SourceType type;
      Path path = saved;
      if (lower.endsWith(".zip")) {
        path = unzipShapefile(saved, dir.resolve("unzipped"));
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
      return collection(LayerSources.open(new SourceSpec(type, path.toString(), null, null), dir), form);
    } catch (SourceException e) {
      throw TapakException.unprocessable("file", "the uploaded file cannot be read: " + e.getMessage()
          .replace(String.valueOf(dir), ""));
    } catch (IOException e) {
      throw TapakException.badRequest("file", "the upload could not be read: " + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  private byte[] collection(LayerSource source, Map<String, String> form) {
    SourceSchema schema = source.describe();
    int epsg = schema.epsg().orElse(CrsRegistry.WGS84);
    if (!CrsRegistry.isSupported(epsg)) {
      throw TapakException.unprocessable("file", "the file's CRS EPSG:" + epsg + " is not supported; use EPSG:4326 "
          + "or a UTM zone");
    }
    GeometryTransform t = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    List<SourceFeature> features = new ArrayList<>();
    source.read(f -> {
      if (features.size() > limits.maxFeatures()) {
        throw TapakException.tooLarge("file", "more than " + limits.maxFeatures() + " features in the upload");
      }
      features.add(f);
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = GeoJsonWriter.generator(out)) {
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
        id.tapak.core.geo.GeoJson.write(t.apply(f.geometry()), g, 9);
        Map<String, @Nullable Object> props = new LinkedHashMap<>();
        Object use = f.properties().get("use");
        if (use != null && !use.toString().isBlank()) {
          props.put("use", use.toString());
        }
        if (!siteDone && (use == null || "site".equalsIgnoreCase(use.toString()))) {
          siteDone = true;
          formProperties(form, props);
        }
        g.writeName("properties");
        GeoJsonWriter.writeProperties(props, g);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void formProperties(Map<String, String> form, Map<String, @Nullable Object> props) {
    for (Map.Entry<String, String> e : form.entrySet()) {
      if (TEXTS.contains(e.getKey())) {
        props.put(e.getKey(), e.getValue());
      } else if (NUMBERS.contains(e.getKey()) && !e.getValue().isBlank()) {
        try {
          props.put(e.getKey(), Double.parseDouble(e.getValue().trim()));
        } catch (NumberFormatException ex) {
          throw TapakException.unprocessable(e.getKey(), e.getKey() + " must be a number of hectares, got '"
              + e.getValue() + "'");
        }
      }
    }
  }

  /** Unzips (guarding against zip-slip and zip bombs) and returns the one .shp inside. */
  private static Path unzipShapefile(Path zip, Path dir) throws IOException {
    Files.createDirectories(dir);
    long total = 0;
    List<Path> shps = new ArrayList<>();
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        Path target = dir.resolve(Path.of(e.getName()).getFileName().toString()).normalize();
        if (!target.startsWith(dir)) {
          throw TapakException.unprocessable("file", "bad entry name in the zip: " + e.getName());
        }
        total += Files.copy(zin, target);
        if (total > MAX_UNZIPPED) {
          throw TapakException.tooLarge("file", "the zip unpacks to more than " + MAX_UNZIPPED + " bytes");
        }
        if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp")) {
          shps.add(target);
        }
      }
    } catch (IllegalArgumentException e) {
      throw TapakException.unprocessable("file", "the upload is not a readable zip: " + e.getMessage());
    }
    if (shps.size() != 1) {
      throw TapakException.unprocessable("file", "the zip must hold exactly one .shp (with .shx, .dbf, .prj), found "
          + shps.size());
    }
    return shps.get(0);
  }

  private static void delete(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp folder is harmless
    }
  }
}
