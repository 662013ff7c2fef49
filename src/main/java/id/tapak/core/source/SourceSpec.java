package id.tapak.core.source;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a layer's data lives, as written under {@code source:} in {@code tapak.yml}.
 *
 * @param type the format
 * @param path file path, relative to the project file's folder (file formats); for {@code postgis} a JDBC URL
 *     ({@code jdbc:postgresql://host:port/db?user=...}), where {@code ${ENV}} placeholders are expanded
 * @param layer table or layer name inside the file (GeoPackage: required when the file holds several; zipped
 *     Shapefile: the {@code .shp} base name, required when the archive holds several; PostGIS: the table or view,
 *     optionally schema-qualified); ignored for GeoJSON and plain Shapefiles
 * @param crs CRS override such as {@code EPSG:32749}, for files that declare none or declare it wrongly
 * @param mode {@code live} (the default for {@code postgis}: every query goes to the database, edits are seen without
 *     a restart) or {@code memory} (read once at start-up into memory, the only mode of file formats)
 * @param geometryColumn PostGIS: the geometry column when the relation has several (default: the first one listed in
 *     {@code geometry_columns})
 * @param pollMillis live PostGIS: how often at most the layer asks the database whether its data changed, in ms
 *     (default {@value #DEFAULT_POLL_MILLIS}, at least {@value #MIN_POLL_MILLIS}); the longest an edit stays unseen
 */
public record SourceSpec(SourceType type, String path, @Nullable String layer, @Nullable String crs,
    @Nullable String mode, @Nullable String geometryColumn, @Nullable Integer pollMillis) {

  public static final String LIVE = "live";
  public static final String MEMORY = "memory";
  public static final int DEFAULT_POLL_MILLIS = 1000;
  public static final int MIN_POLL_MILLIS = 100;

  public SourceSpec {
    Objects.requireNonNull(type, "source.type is required");
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("source.path is required");
    }
    if (mode != null && !mode.equals(LIVE) && !mode.equals(MEMORY)) {
      throw new IllegalArgumentException("source.mode must be live or memory, got '" + mode + "'");
    }
    if (LIVE.equals(mode) && type != SourceType.POSTGIS) {
      throw new IllegalArgumentException("source.mode: live is for postgis sources only; files are read into memory");
    }
    if (pollMillis != null && pollMillis < MIN_POLL_MILLIS) {
      throw new IllegalArgumentException("source.pollMillis must be at least " + MIN_POLL_MILLIS + ", got "
          + pollMillis);
    }
  }

  /** A source with the default mode and polling. */
  public SourceSpec(SourceType type, String path, @Nullable String layer, @Nullable String crs) {
    this(type, path, layer, crs, null, null, null);
  }

  /** True when the features stay in the database and every query goes there (PostGIS unless mode: memory). */
  public boolean live() {
    return type == SourceType.POSTGIS && !MEMORY.equals(mode);
  }

  /** The version polling interval in ms. */
  public int pollMillisOrDefault() {
    return pollMillis == null ? DEFAULT_POLL_MILLIS : pollMillis;
  }
}
