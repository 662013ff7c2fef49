package id.tapak.core.publish.features.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queryables as the JSON Schema document OGC API – Features Part 3 asks for ({@code /req/queryables}): draft
 * 2020-12, {@code type: object}, one property per queryable with its {@code type} (attributes) or {@code format:
 * geometry-…} (the geometry), and {@code additionalProperties: false}, as QGIS and GDAL read it.
 */
public final class QueryablesSchema {

  private QueryablesSchema() {}

  /** @param self the absolute URL of this document ({@code $id}) */
  public static Map<String, Object> of(Queryables q, String self) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(Queryables.GEOMETRY, Map.of("title", "geometry", "format", q.geometryFormat(),
        "x-ogc-role", "primary-geometry"));
    q.types().forEach((name, type) -> props.put(name, Map.of("title", name, "type", type)));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    doc.put("$id", self);
    doc.put("type", "object");
    doc.put("title", q.layerId());
    doc.put("properties", props);
    doc.put("additionalProperties", false);
    return doc;
  }
}
