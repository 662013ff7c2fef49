package id.tapak.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer: an id unique in its layer, a geometry in EPSG:4326 with <b>longitude, latitude</b> axis
 * order (JTS x = lon, y = lat), and the source attributes in source order.
 *
 * <p>The geometry must be treated as immutable once the feature is built; JTS does not enforce that.
 *
 * @param id feature id, unique within its layer (the source's fid or id field, as text)
 * @param geometry geometry in EPSG:4326, lon/lat
 * @param properties attributes in source order; values are String, Number, Boolean or null
 */
public record Feature(String id, Geometry geometry, Map<String, @Nullable Object> properties) {
  public Feature {
    Objects.requireNonNull(id, "feature id");
    Objects.requireNonNull(geometry, "feature geometry");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The attribute as text, or null when absent or null. */
  public @Nullable String text(@Nullable String field) {
    if (field == null) {
      return null;
    }
    Object v = properties.get(field);
    return v == null ? null : v.toString();
  }
}
