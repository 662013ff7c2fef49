package id.tapak.core.source.geojson;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON file: a FeatureCollection, a single Feature or a bare geometry. RFC 7946 files are EPSG:4326
 * lon/lat; files with the legacy 2008 {@code crs} member (as older GDAL and ArcGIS exports write) declare their CRS
 * there, e.g. {@code urn:ogc:def:crs:EPSG::32749}.
 */
public final class GeoJsonSource implements LayerSource {

  private static final JsonMapper JSON = GeoJson.JSON;

  private final Path file;
  private @Nullable JsonNode root;

  public GeoJsonSource(Path file) {
    this.file = file;
  }

  private JsonNode root() {
    if (root == null) {
      try (InputStream in = Files.newInputStream(file)) {
        root = JSON.readTree(in);
      } catch (JacksonException e) {
        if (GeoJson.tooDeep(e)) {
          throw new SourceException(file + ": JSON nested deeper than " + GeoJson.MAX_JSON_DEPTH + " levels");
        }
        throw new SourceException(file + ": not readable as JSON: " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new SourceException(file + ": not readable as JSON: " + e.getMessage(), e);
      }
      if (root == null || !root.isObject() || root.get("type") == null) {
        throw new SourceException(file + ": not a GeoJSON object (no \"type\" member)");
      }
    }
    return root;
  }

  @Override
  public SourceSchema describe() {
    JsonNode r = root();
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode f : features(r)) {
      JsonNode props = f.get("properties");
      if (props != null && props.isObject()) {
        for (Map.Entry<String, JsonNode> e : props.properties()) {
          fields.add(e.getKey());
        }
      }
    }
    return new SourceSchema(new ArrayList<>(fields), declaredCrs(r));
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    JsonNode r = root();
    List<JsonNode> fs = features(r);
    for (int i = 0; i < fs.size(); i++) {
      JsonNode f = fs.get(i);
      String id = idOf(f, i);
      Map<String, @Nullable Object> props = new LinkedHashMap<>();
      JsonNode p = f.get("properties");
      if (p != null && p.isObject()) {
        for (Map.Entry<String, JsonNode> e : p.properties()) {
          props.put(e.getKey(), value(e.getValue()));
        }
      }
      Geometry g = null;
      JsonNode gn = f.get("geometry");
      if (gn != null && !gn.isNull()) {
        try {
          g = GeoJson.parse(gn, "features[" + i + "].geometry");
        } catch (GeoJson.RefusedGeometryException refused) {
          throw new SourceException(file + ": " + refused.getMessage());
        } catch (IllegalArgumentException bad) {
          g = null; // counted by the catalog as a feature without usable geometry
        }
      }
      sink.accept(new SourceFeature(id, g, props));
    }
  }

  private static String idOf(JsonNode f, int index) {
    JsonNode id = f.get("id");
    if (id != null && (id.isString() || id.isNumber())) {
      return id.asString();
    }
    return Integer.toString(index + 1);
  }

  private static List<JsonNode> features(JsonNode r) {
    String type = r.get("type").asString();
    List<JsonNode> out = new ArrayList<>();
    switch (type) {
      case "FeatureCollection" -> {
        JsonNode fs = r.get("features");
        if (fs != null && fs.isArray()) {
          fs.forEach(out::add);
        }
      }
      case "Feature" -> out.add(r);
      default -> {
        // a bare geometry: wrap it as a feature without properties
        out.add(JSON.createObjectNode().put("type", "Feature").set("geometry", r));
      }
    }
    return out;
  }

  /** The legacy {@code crs} member's EPSG code; RFC 7946 files (no member) are EPSG:4326. */
  private OptionalInt declaredCrs(JsonNode r) {
    JsonNode crs = r.get("crs");
    if (crs == null || crs.isNull()) {
      return OptionalInt.of(CrsRegistry.WGS84);
    }
    JsonNode name = crs.path("properties").path("name");
    if (!name.isString()) {
      throw new SourceException(file + ": legacy \"crs\" member without properties.name");
    }
    try {
      return OptionalInt.of(CrsRegistry.parse(name.stringValue()));
    } catch (IllegalArgumentException e) {
      throw new SourceException(file + ": " + e.getMessage());
    }
  }

  private static @Nullable Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.toString(); // nested objects and arrays are kept as their JSON text
  }
}
