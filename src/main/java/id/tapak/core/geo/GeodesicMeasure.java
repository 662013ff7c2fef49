package id.tapak.core.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Areas and distances on the WGS84 ellipsoid (GeographicLib, Karney 2013), for geometries in EPSG:4326 lon/lat.
 * These agree with PostGIS {@code ST_Area(geography)} / {@code ST_Distance(geography)} to well under 0.1%; planar UTM
 * or TM-3 areas are off by 0.01–0.03% in East Java and are never reported.
 *
 * <p>Stateless and thread-safe.
 */
public final class GeodesicMeasure {

  private static final Geodesic WGS84 = Geodesic.WGS84;
  private static final double M2_PER_HA = 10_000.0;

  private GeodesicMeasure() {}

  /** Area in hectares of the polygonal parts of a geometry (holes subtracted); 0 for points and lines. */
  public static double hectares(Geometry g) {
    return squareMetres(g) / M2_PER_HA;
  }

  /** Area in square metres of the polygonal parts of a geometry (holes subtracted). */
  public static double squareMetres(Geometry g) {
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        sum += ringArea(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          sum -= ringArea(p.getInteriorRingN(h));
        }
      } else if (part != g && part.getNumGeometries() > 0 && !(part instanceof LineString)) {
        sum += squareMetres(part);
      }
    }
    return sum;
  }

  private static double ringArea(LineString ring) {
    // PolygonArea handles one ring at a time and its sign follows orientation; holes are subtracted by the caller.
    PolygonArea pa = new PolygonArea(WGS84, false);
    Coordinate[] cs = ring.getCoordinates();
    int n = cs.length;
    if (n > 1 && cs[0].equals2D(cs[n - 1])) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      pa.AddPoint(cs[i].y, cs[i].x);
    }
    PolygonResult r = pa.Compute(false, true);
    return Math.abs(r.area);
  }

  /** Length in metres of the lineal parts (or ring boundaries of polygons) of a geometry. */
  public static double lengthMetres(Geometry g) {
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof LineString ls) {
        Coordinate[] cs = ls.getCoordinates();
        for (int k = 1; k < cs.length; k++) {
          sum += metres(cs[k - 1], cs[k]);
        }
      } else if (part instanceof Polygon p) {
        sum += lengthMetres(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          sum += lengthMetres(p.getInteriorRingN(h));
        }
      }
    }
    return sum;
  }

  /** Geodesic distance in metres between two lon/lat positions. */
  public static double metres(Coordinate a, Coordinate b) {
    return WGS84.Inverse(a.y, a.x, b.y, b.x).s12;
  }

  /** Geodesic distance in metres between two lon/lat positions given as numbers. */
  public static double metres(double lonA, double latA, double lonB, double latB) {
    return WGS84.Inverse(latA, lonA, latB, lonB).s12;
  }

  /**
   * Shortest geodesic distance in metres between two geometries, 0 when they intersect. The nearest points are found
   * in a local equirectangular frame (longitude scaled by cos latitude) so that the choice is not skewed by degree
   * units; the distance between them is then geodesic. For features within a few hundred km the result is within
   * 0.1% of PostGIS {@code ST_Distance(geography)}.
   *
   * @return {distance in metres, nearest point on a (lon, lat), nearest point on b (lon, lat)}
   */
  public static Nearest nearest(Geometry a, Geometry b) {
    if (a.intersects(b)) {
      Coordinate c = a.intersection(b).getCoordinate();
      if (c == null) {
        c = a.getCoordinate();
      }
      return new Nearest(0, c, c);
    }
    double lat0 = a.getEnvelopeInternal().centre().y;
    double k = Math.cos(Math.toRadians(lat0));
    Geometry la = scaleLon(a, k);
    Geometry lb = scaleLon(b, k);
    Coordinate[] pts = DistanceOp.nearestPoints(la, lb);
    Coordinate pa = new Coordinate(pts[0].x / k, pts[0].y);
    Coordinate pb = new Coordinate(pts[1].x / k, pts[1].y);
    return new Nearest(metres(pa, pb), pa, pb);
  }

  /**
   * Result of {@link #nearest}.
   *
   * @param metres geodesic distance in metres
   * @param onA nearest position on the first geometry, lon/lat
   * @param onB nearest position on the second geometry, lon/lat
   */
  public record Nearest(double metres, Coordinate onA, Coordinate onB) {}

  private static Geometry scaleLon(Geometry g, double k) {
    Geometry c = g.copy();
    c.apply((Coordinate coord) -> coord.x = coord.x * k);
    c.geometryChanged();
    return c;
  }

  /** The lon/lat position reached from (lon, lat) after {@code metres} along {@code azimuthDeg} (clockwise from N). */
  public static Coordinate destination(double lon, double lat, double azimuthDeg, double metres) {
    GeodesicData d = WGS84.Direct(lat, lon, azimuthDeg, metres);
    return new Coordinate(d.lon2, d.lat2);
  }
}
