package id.tapak.core.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * Makes geometries valid without changing their family: a self-intersecting polygon becomes a valid (multi)polygon,
 * never a collection with stray lines. Real RTRW and boundary data carry invalid rings (nested shells,
 * bow-ties); overlays on them must not throw, and every repair is counted by the caller.
 *
 * <p>Repair cost grows with the number of points where the rings cross, not with their vertices: a 500-vertex star
 * whose every edge crosses almost every other has 124 000 crossings, and {@link GeometryFixer} took 34 s on it. A
 * bounded repair ({@link #repair(Geometry, int)}) first counts the crossings with a monotone-chain noder (linear in
 * the vertices plus the crossings, and it stops at the limit) and refuses a geometry with more; a real digitising
 * error has a handful.
 */
public final class GeometryRepair {

  private GeometryRepair() {}

  /**
   * Result of a repair.
   *
   * @param geometry the valid geometry (same family as the input), possibly empty
   * @param repaired true when the input was invalid and had to be changed
   */
  public record Result(Geometry geometry, boolean repaired) {}

  /** Thrown by {@link #repair(Geometry, int)} for a geometry whose rings cross each other too often to repair. */
  public static final class TooComplexException extends IllegalArgumentException {
    public TooComplexException(String message) {
      super(message);
    }
  }

  /** Repairs without a bound: for layer data loaded at start-up, which the operator chose. */
  public static Result repair(Geometry g) {
    if (g.isValid()) {
      return new Result(g, false);
    }
    Geometry fixed = GeometryFixer.fix(g);
    return new Result(sameFamily(g, fixed), true);
  }

  /**
   * Repairs a geometry from a client, refusing one whose boundaries cross at more than {@code maxCrossings} points.
   *
   * @throws TooComplexException when the crossings pass the limit (before any repair work)
   */
  public static Result repair(Geometry g, int maxCrossings) {
    if (g.isValid()) {
      return new Result(g, false);
    }
    int crossings = crossings(g, maxCrossings);
    if (crossings > maxCrossings) {
      throw new TooComplexException("its boundary crosses itself at more than " + maxCrossings
          + " points, too many to repair; fix it in a GIS (e.g. QGIS Fix geometries) and send it again");
    }
    Geometry fixed = GeometryFixer.fix(g);
    return new Result(sameFamily(g, fixed), true);
  }

  /** Interior crossings between the geometry's segments, counted up to {@code limit + 1}. */
  static int crossings(Geometry g, int limit) {
    List<SegmentString> lines = new ArrayList<>();
    collectLines(g, lines);
    Counter counter = new Counter(limit);
    MCIndexNoder noder = new MCIndexNoder(counter);
    noder.computeNodes(lines);
    return counter.count;
  }

  private static void collectLines(Geometry g, List<SegmentString> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        out.add(new NodedSegmentString(p.getExteriorRing().getCoordinates(), null));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          out.add(new NodedSegmentString(p.getInteriorRingN(h).getCoordinates(), null));
        }
      } else if (part instanceof LineString l) {
        out.add(new NodedSegmentString(l.getCoordinates(), null));
      } else if (part != g && part instanceof GeometryCollection) {
        collectLines(part, out);
      }
    }
  }

  /** Counts proper (interior) intersections and stops the noder once past the limit. */
  private static final class Counter implements SegmentIntersector {
    private final LineIntersector li = new RobustLineIntersector();
    private final int limit;
    int count;

    Counter(int limit) {
      this.limit = limit;
    }

    @Override
    public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
      if (a == b && Math.abs(i - j) <= 1) {
        return; // neighbours in one ring share a vertex
      }
      Coordinate[] ca = a.getCoordinates();
      Coordinate[] cb = b.getCoordinates();
      li.computeIntersection(ca[i], ca[i + 1], cb[j], cb[j + 1]);
      if (li.hasIntersection() && li.isProper()) {
        count++;
      }
    }

    @Override
    public boolean isDone() {
      return count > limit;
    }
  }

  /** Keeps only the parts of {@code fixed} of the same dimension as {@code original}. */
  static Geometry sameFamily(Geometry original, Geometry fixed) {
    GeometryFactory f = fixed.getFactory();
    if (original instanceof Polygonal) {
      List<Polygon> polys = new ArrayList<>();
      collect(fixed, Polygon.class, polys);
      return polys.size() == 1 ? polys.get(0) : f.createMultiPolygon(polys.toArray(new Polygon[0]));
    }
    if (original instanceof Lineal) {
      List<LineString> lines = new ArrayList<>();
      collect(fixed, LineString.class, lines);
      return lines.size() == 1 ? lines.get(0) : f.createMultiLineString(lines.toArray(new LineString[0]));
    }
    if (original instanceof Puntal) {
      List<Point> pts = new ArrayList<>();
      collect(fixed, Point.class, pts);
      return pts.size() == 1 ? pts.get(0) : f.createMultiPoint(pts.toArray(new Point[0]));
    }
    return fixed;
  }

  private static <T extends Geometry> void collect(Geometry g, Class<T> type, List<T> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (type.isInstance(part) && !part.isEmpty()) {
        out.add(type.cast(part));
      } else if (part != g && part instanceof GeometryCollection) {
        collect(part, type, out); // a nested multi-geometry, even with a single part
      }
    }
  }
}
