package id.tapak.core.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Areas and distances on the WGS84 ellipsoid (GeographicLib, Karney 2013), for geometries in EPSG:4326 lon/lat.
 * Rings whose edges are all short (up to 0.01°, about 1.1 km) are measured on the ellipsoid's authalic sphere, which
 * agrees with GeographicLib to 0.035 m² an edge there and is nine times faster ({@link #authalicRingArea}).
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

  /** The area of one ring in m², whatever its orientation: the fast exact path when it applies, else GeographicLib. */
  private static double ringArea(LineString ring) {
    CoordinateSequence cs = ring.getCoordinateSequence();
    double fast = authalicRingArea(cs);
    return Double.isNaN(fast) ? geographicLibRingArea(cs) : fast;
  }

  /** The area of one ring in m² by GeographicLib's {@link PolygonArea} (geodesic edges), the reference. */
  static double geographicLibRingArea(CoordinateSequence cs) {
    // PolygonArea handles one ring at a time and its sign follows orientation; holes are subtracted by the caller.
    PolygonArea pa = new PolygonArea(WGS84, false);
    int n = openSize(cs);
    for (int i = 0; i < n; i++) {
      pa.AddPoint(cs.getY(i), cs.getX(i));
    }
    PolygonResult r = pa.Compute(false, true);
    return Math.abs(r.area);
  }

  // The fast path: the WGS84 ellipsoid mapped onto its authalic sphere (radius R_q, latitude -> authalic latitude
  // beta), which keeps every area exactly, and each edge taken as the great circle between the mapped ends there.
  // The only difference from GeographicLib's geodesic edge is the edge's shape, which grows with the cube of its
  // length: per edge of 0.001 degree (110 m) 4e-5 m2, of 0.01 degree (1.1 km) at most 0.035 m2 (at 7, 30 and 60
  // degrees, any azimuth), of 0.04 degree 2 m2; on the 1 109 rings of the real West Java kab/kota RTRW at most 0.018 m2
  // apart (GeodesicMeasureTest). At a ninth of the time (70 against 615 ns a vertex; a check measures some 600
  // vertices: docs/benchmarks.md, scale (c)). Used only where that bound holds: every edge within SHORT_EDGE_DEGREES in
  // longitude and latitude, latitudes within 89 degrees, a ring that does not wind around a pole; any other ring is
  // measured by GeographicLib, as every ring was before.
  private static final double A = WGS84.EquatorialRadius();
  private static final double E2 = WGS84.Flattening() * (2 - WGS84.Flattening());
  private static final double E = Math.sqrt(E2);
  private static final double QP = q(1.0);
  /** R_q², the authalic sphere's radius squared (m²). */
  private static final double RQ2 = A * A * QP / 2;
  /** Longest edge, in degrees of longitude or latitude, the authalic path measures. */
  static final double SHORT_EDGE_DEGREES = 0.01;

  /** q(φ) of the authalic latitude (Snyder 1987, eq. 3-12), from sin φ. */
  private static double q(double sinPhi) {
    double es = E * sinPhi;
    return (1 - E2) * (sinPhi / (1 - es * es) - Math.log((1 - es) / (1 + es)) / (2 * E));
  }

  /** tan(β/2) of the authalic latitude β of a geodetic latitude in degrees (sin β = q / q_p). */
  private static double tanHalfAuthalic(double latDegrees) {
    double sinBeta = q(Math.sin(Math.toRadians(latDegrees))) / QP;
    return sinBeta / (1 + Math.sqrt(Math.max(0, 1 - sinBeta * sinBeta)));
  }

  /**
   * The ring's area in m² on the authalic sphere (see above), or NaN where the fast path does not apply. Each edge
   * adds the signed spherical excess of the quadrilateral between it and the equator, 2 atan(tan(Δλ/2) (t1 + t2) /
   * (1 + t1 t2)) with t = tan(β/2); the sum, Kahan-compensated, is the ring's.
   */
  static double authalicRingArea(CoordinateSequence cs) {
    int n = openSize(cs);
    if (n < 3) {
      return n == 0 ? 0 : Double.NaN;
    }
    double lon0 = cs.getX(0);
    double lat0 = cs.getY(0);
    if (!(Math.abs(lat0) <= 89) || !Double.isFinite(lon0)) {
      return Double.NaN;
    }
    double t0 = tanHalfAuthalic(lat0);
    double lonPrev = lon0;
    double latPrev = lat0;
    double tPrev = t0;
    double sum = 0;
    double carry = 0;
    double winding = 0;
    for (int i = 1; i <= n; i++) {
      double lon = i == n ? lon0 : cs.getX(i);
      double lat = i == n ? lat0 : cs.getY(i);
      double dLon = lon - lonPrev;
      if (!(Math.abs(dLon) <= SHORT_EDGE_DEGREES && Math.abs(lat - latPrev) <= SHORT_EDGE_DEGREES
          && Math.abs(lat) <= 89)) {
        return Double.NaN; // also NaN coordinates
      }
      double t = i == n ? t0 : tanHalfAuthalic(lat);
      double excess = 2 * Math.atan(Math.tan(Math.toRadians(dLon) / 2) * (tPrev + t) / (1 + tPrev * t));
      double y = excess - carry;
      double next = sum + y;
      carry = (next - sum) - y;
      sum = next;
      winding += dLon;
      lonPrev = lon;
      latPrev = lat;
      tPrev = t;
    }
    if (Math.abs(winding) > 180) {
      return Double.NaN; // around a pole: the excess sums to the area on the other side
    }
    return Math.abs(sum) * RQ2;
  }

  /** The number of distinct positions of a ring: its closing position left out. */
  private static int openSize(CoordinateSequence cs) {
    int n = cs.size();
    if (n > 1 && cs.getX(0) == cs.getX(n - 1) && cs.getY(0) == cs.getY(n - 1)) {
      n--;
    }
    return n;
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
    return nearestScaled(a, b, lonScale(a));
  }

  /** cos of the latitude of {@code a}'s envelope centre: how much a degree of longitude is worth there. */
  private static double lonScale(Geometry a) {
    return Math.cos(Math.toRadians(a.getEnvelopeInternal().centre().y));
  }

  /** The nearest points of disjoint {@code a} and {@code b}, chosen with longitudes scaled by {@code k}; geodesic. */
  private static Nearest nearestScaled(Geometry a, Geometry b, double k) {
    Coordinate[] pts = DistanceOp.nearestPoints(scaleLon(a, k), scaleLon(b, k));
    Coordinate pa = new Coordinate(pts[0].x / k, pts[0].y);
    Coordinate pb = new Coordinate(pts[1].x / k, pts[1].y);
    return new Nearest(metres(pa, pb), pa, pb);
  }

  /**
   * {@link #nearest(Geometry, Geometry)} for a {@code b} known to be {@code planarDistance} degrees from {@code a}
   * ({@code a.distance(b)}, lon/lat unscaled): the same answer, but a large {@code b} (a dissolved plan polygon of
   * thousands of vertices) is first cut down to its boundary segments that reach the box where the nearest points can
   * lie. In the scaled frame no distance exceeds its unscaled one, so the nearest point on {@code b} lies within
   * {@code planarDistance / k} in longitude and {@code planarDistance} in latitude of {@code a}'s envelope; and for
   * disjoint geometries it lies on {@code b}'s boundary. Measuring every segment pair of a 13 000-vertex polygon was
   * a quarter of a check on a site near it (docs/benchmarks.md, scale (c)).
   */
  public static Nearest nearest(Geometry a, Geometry b, double planarDistance) {
    if (!(planarDistance > 0) || b.getNumPoints() < LARGE_FOR_DISTANCE) {
      return nearest(a, b);
    }
    double k = lonScale(a);
    Envelope box = new Envelope(a.getEnvelopeInternal());
    double margin = planarDistance * 1e-6 + 1e-12;
    box.expandBy(planarDistance / k + margin, planarDistance + margin);
    Geometry near = boundaryWithin(b, box);
    if (near.isEmpty()) {
      return nearest(a, b); // cannot happen for a true planarDistance; never answer from nothing
    }
    return nearestScaled(a, near, k);
  }

  /**
   * {@code a.distance(b)} in degrees (JTS, lon/lat unscaled), the same value, for a small {@code a} and a large
   * {@code b}: 0 when they intersect; otherwise the least distance between {@code a} and the boundary segments of
   * {@code b} that reach {@code a}'s envelope grown by an upper bound (the distance from one vertex of {@code a} to
   * the nearest vertex of {@code b}), since every other segment is farther than that bound.
   */
  public static double planarDistance(Geometry a, Geometry b) {
    if (b.getNumPoints() < LARGE_FOR_DISTANCE || a.isEmpty() || b.isEmpty()) {
      return a.distance(b);
    }
    if (a.intersects(b)) {
      return 0;
    }
    Coordinate a0 = a.getCoordinate();
    double bound = Double.POSITIVE_INFINITY;
    for (Coordinate c : b.getCoordinates()) {
      bound = Math.min(bound, a0.distance(c));
    }
    Envelope box = new Envelope(a.getEnvelopeInternal());
    box.expandBy(bound * (1 + 1e-9) + 1e-12);
    Geometry near = boundaryWithin(b, box);
    return near.isEmpty() ? a.distance(b) : a.distance(near);
  }

  /** Geometries with at least this many vertices are cut down before a distance is measured to them. */
  static final int LARGE_FOR_DISTANCE = 1_000;

  /** The boundary segments of a polygonal or lineal geometry whose envelope meets {@code box}, as lines. */
  private static Geometry boundaryWithin(Geometry g, Envelope box) {
    java.util.List<LineString> out = new java.util.ArrayList<>();
    org.locationtech.jts.geom.GeometryFactory gf = g.getFactory();
    g.apply((org.locationtech.jts.geom.GeometryComponentFilter) part -> {
      if (!(part instanceof LineString line)) {
        return; // points are no boundary of a polygon; a point geometry is never large here
      }
      CoordinateSequence cs = line.getCoordinateSequence();
      java.util.List<Coordinate> run = new java.util.ArrayList<>();
      for (int i = 1; i < cs.size(); i++) {
        double x0 = cs.getX(i - 1);
        double y0 = cs.getY(i - 1);
        double x1 = cs.getX(i);
        double y1 = cs.getY(i);
        boolean meets = Math.max(x0, x1) >= box.getMinX() && Math.min(x0, x1) <= box.getMaxX()
            && Math.max(y0, y1) >= box.getMinY() && Math.min(y0, y1) <= box.getMaxY();
        if (meets) {
          if (run.isEmpty()) {
            run.add(new Coordinate(x0, y0));
          }
          run.add(new Coordinate(x1, y1));
        } else if (!run.isEmpty()) {
          out.add(gf.createLineString(run.toArray(Coordinate[]::new)));
          run.clear();
        }
      }
      if (!run.isEmpty()) {
        out.add(gf.createLineString(run.toArray(Coordinate[]::new)));
      }
    });
    return gf.createMultiLineString(out.toArray(LineString[]::new));
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
