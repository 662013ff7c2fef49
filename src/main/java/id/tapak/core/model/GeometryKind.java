package id.tapak.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** The geometry family of a layer, as published in catalogs and OGC documents. */
public enum GeometryKind {
  POINT("Point"), LINE("LineString"), POLYGON("Polygon"), MIXED("Geometry");

  private final String ogcName;

  GeometryKind(String ogcName) {
    this.ogcName = ogcName;
  }

  @JsonValue
  public String ogcName() {
    return ogcName;
  }

  public static GeometryKind of(Geometry g) {
    if (g instanceof Puntal) {
      return POINT;
    }
    if (g instanceof Lineal) {
      return LINE;
    }
    if (g instanceof Polygonal) {
      return POLYGON;
    }
    return MIXED;
  }

  /** The kind of a layer holding both a and b. */
  public GeometryKind merge(GeometryKind other) {
    return this == other ? this : MIXED;
  }
}
