package id.tapak.core.source;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature as read from a source, before reprojection and repair.
 *
 * @param id the source's feature id (GeoPackage fid, GeoJSON id, shapefile record number), as text
 * @param geometry geometry in the source CRS, x/y order; null when the record has none
 * @param properties attributes in source order; values are String, Number, Boolean or null
 */
public record SourceFeature(String id, @Nullable Geometry geometry, Map<String, @Nullable Object> properties) {}
