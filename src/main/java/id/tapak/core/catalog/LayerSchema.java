package id.tapak.core.catalog;

import id.tapak.core.model.GeometryKind;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a layer holds, independent of where it lives.
 *
 * @param fieldNames attribute names in source order
 * @param geometryKind the geometry family of the features (MIXED when unknown or several)
 * @param sourceEpsg the EPSG code the data are stored in before reprojection to EPSG:4326
 * @param repairedCount invalid geometries repaired to valid ones (on load for a memory layer, on read for a live one)
 * @param skippedCount records left out for want of a usable geometry
 * @param geometryQuality how the geometry was made (the spec's {@code geometryQuality}, else the features'
 *     {@code geometry_quality} values), null when unknown
 */
public record LayerSchema(List<String> fieldNames, GeometryKind geometryKind, int sourceEpsg, int repairedCount,
    int skippedCount, @Nullable String geometryQuality) {

  public LayerSchema {
    fieldNames = List.copyOf(fieldNames);
    Objects.requireNonNull(geometryKind, "geometryKind");
    if (repairedCount < 0 || skippedCount < 0) {
      throw new IllegalArgumentException("counts must be 0 or more");
    }
  }
}
