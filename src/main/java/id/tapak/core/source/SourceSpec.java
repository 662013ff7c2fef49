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
 */
public record SourceSpec(SourceType type, String path, @Nullable String layer, @Nullable String crs) {
  public SourceSpec {
    Objects.requireNonNull(type, "source.type is required");
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("source.path is required");
    }
  }
}
