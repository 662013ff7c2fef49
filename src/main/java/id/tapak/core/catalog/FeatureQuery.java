package id.tapak.core.catalog;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature request: optional bbox (EPSG:4326, lon/lat), page size and offset. Validated here so every publisher
 * (OGC API, GeoJSON, CLI) refuses the same bad values with the same message.
 *
 * @param bbox area of interest in lon/lat, or null for everything
 * @param limit page size, 1..{@link #MAX_LIMIT}
 * @param offset number of matched features to skip, ≥ 0
 */
public record FeatureQuery(@Nullable Envelope bbox, int limit, int offset) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  public FeatureQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
  }
}
