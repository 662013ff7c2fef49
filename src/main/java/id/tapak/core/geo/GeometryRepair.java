package id.tapak.core.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Makes geometries valid without changing their family: a self-intersecting polygon becomes a valid (multi)polygon,
 * never a collection with stray lines. Real RTRW and boundary data carry invalid rings (nested shells,
 * bow-ties); overlays on them must not throw, and every repair is counted by the caller.
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

  public static Result repair(Geometry g) {
    if (g.isValid()) {
      return new Result(g, false);
    }
    Geometry fixed = GeometryFixer.fix(g);
    return new Result(sameFamily(g, fixed), true);
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
