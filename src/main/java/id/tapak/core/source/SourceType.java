package id.tapak.core.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The closed set of layer formats; {@code tapak.yml} names them in lower case. */
public enum SourceType {
  /** OGC GeoPackage 1.x (SQLite), e.g. files written by GDAL. */
  GEOPACKAGE,
  /** GeoJSON (RFC 7946, plus the legacy 2008 {@code crs} member). */
  GEOJSON,
  /** ESRI Shapefile set (.shp/.shx/.dbf/.prj/.cpg), plain or zipped. */
  SHAPEFILE,
  /** A PostGIS table or view, for deployments past one machine. */
  POSTGIS,
  /** KML 2.2 Placemarks (WGS84), e.g. a site drawn in Google Earth; used for uploaded proposals. */
  KML,
  /**
   * Computed by Tapak, never read from a file: the stored checks' layers and the corridors' suitability grids and
   * candidate sites. Not accepted in {@code tapak.yml} ({@link #of} refuses it).
   */
  DERIVED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SourceType of(String name) {
    for (SourceType t : values()) {
      if (t != DERIVED && t.wireName().equalsIgnoreCase(name.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown source type '" + name + "', expected geopackage, geojson, shapefile, postgis or kml");
  }
}
