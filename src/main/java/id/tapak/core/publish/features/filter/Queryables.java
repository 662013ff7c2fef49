package id.tapak.core.publish.features.filter;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a filter or {@code sortby} may name in one collection: every attribute of the layer, typed from its values
 * (integer, number, boolean, else string), and the geometry as {@value #GEOMETRY}. Served as JSON Schema at
 * {@code /collections/{id}/queryables} (OGC API – Features Part 3), which QGIS reads to build its filter dialog.
 *
 * @param layerId the collection id
 * @param types attribute name → JSON Schema type, in source order
 * @param geometryFormat the JSON Schema format of the geometry: geometry-point, -linestring, -polygon or -any
 *     (multi-part geometries count as their family)
 */
public record Queryables(String layerId, Map<String, String> types, String geometryFormat) {

  /** The name of the geometry queryable. */
  public static final String GEOMETRY = "geometry";

  public Queryables {
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** How many distinct values of a field decide its type (a live layer asks {@code SELECT DISTINCT … LIMIT}). */
  static final int TYPE_SAMPLE = 1000;

  /**
   * The queryables of a layer: the type of each field is the widest its first {@value #TYPE_SAMPLE} distinct
   * non-null values need.
   */
  public static Queryables of(Layer layer) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String f : layer.fieldNames()) {
      String t = null;
      for (Object v : layer.distinctValues(f, TYPE_SAMPLE)) {
        t = widen(t, v);
        if ("string".equals(t)) {
          break;
        }
      }
      types.put(f, t == null ? "string" : t);
    }
    String format = switch (layer.geometryKind()) {
      case POINT -> "geometry-point-or-multipoint";
      case LINE -> "geometry-linestring-or-multilinestring";
      case POLYGON -> "geometry-polygon-or-multipolygon";
      case MIXED -> "geometry-any";
    };
    return new Queryables(layer.id(), types, format);
  }

  private static @Nullable String widen(@Nullable String t, @Nullable Object v) {
    if (v == null) {
      return t;
    }
    String vt = v instanceof Boolean ? "boolean"
        : (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
            || v instanceof java.math.BigInteger) ? "integer"
        : v instanceof Number ? "number" : "string";
    if (t == null || t.equals(vt)) {
      return vt;
    }
    if ((t.equals("integer") && vt.equals("number")) || (t.equals("number") && vt.equals("integer"))) {
      return "number";
    }
    return "string";
  }

  /** The attribute name a filter means: exact, else the one name equal ignoring case; null when unknown. */
  public @Nullable String resolve(String name) {
    if (types.containsKey(name) || name.equals(GEOMETRY)) {
      return name;
    }
    String found = null;
    for (String k : types.keySet()) {
      if (k.equalsIgnoreCase(name)) {
        if (found != null) {
          return null;
        }
        found = k;
      }
    }
    if (found == null && name.toLowerCase(Locale.ROOT).equals(GEOMETRY)) {
      return GEOMETRY;
    }
    return found;
  }

  public boolean isGeometry(String name) {
    return GEOMETRY.equals(name) && !types.containsKey(GEOMETRY);
  }
}
