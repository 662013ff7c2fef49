package id.tapak.core.geo;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The union of polygons that usually tile without overlap: the pieces one site is cut into by the polygons of a plan
 * layer, or the polygons of one plan class around a site. Coordinates are whatever the inputs use (lon/lat here).
 *
 * <p>Why not always {@link OverlayNGRobust#union(Geometry)}: it nodes every edge against every other and validates
 * the noding, even where neighbouring pieces already share their edges exactly; on the 13 pieces of a 60 ha site in a
 * West Java plan it was 2.5 ms, 43 % of a whole check (docs/benchmarks.md, scale (c)). A coverage union
 * ({@link CoverageUnion}: matching edges cancel, nothing is noded) takes 0.04 ms for the same pieces. It is only right
 * for a valid coverage and does not check that itself, so its answer is kept only when it is provably the union of
 * interior-disjoint pieces: the result is valid and its area equals the sum of the pieces' areas to 1e-9 of it
 * (overlapping pieces have a larger sum than their union; mismatched or unnoded edges give an invalid result, a
 * missing or extra face a different area; GEOS' OverlayNG CoverageUnion refuses overlapping input by the same area test).
 * Otherwise the robust union answers, so real data with overlaps, slivers or T-junctions is still united exactly as
 * before. {@code PolygonUnionTest} compares both on sites across the real West Java plan.
 */
public final class PolygonUnion {

  /** Largest relative difference between the result's area and the sum of the inputs' areas a coverage may show. */
  static final double AREA_TOLERANCE = 1e-9;

  private PolygonUnion() {}

  /** The union of polygonal geometries; an empty polygon of {@code factory} when there are none. */
  public static Geometry of(List<Geometry> polygons, GeometryFactory factory) {
    if (polygons.isEmpty()) {
      return factory.createPolygon();
    }
    if (polygons.size() == 1) {
      return polygons.get(0);
    }
    Geometry all = factory.buildGeometry(polygons);
    Geometry fast = coverageUnion(all);
    return fast != null ? fast : OverlayNGRobust.union(all);
  }

  /** The coverage union of the collection when it is provably right (see the class comment), else null. */
  static Geometry coverageUnion(Geometry collection) {
    double in = 0;
    for (int i = 0; i < collection.getNumGeometries(); i++) {
      Geometry g = collection.getGeometryN(i);
      if (g.getDimension() != 2) {
        return null; // a coverage union of mixed dimensions is not a polygon union
      }
      in += g.getArea();
    }
    Geometry out;
    try {
      out = CoverageUnion.union(collection);
    } catch (RuntimeException notACoverage) {
      return null; // TopologyException and the like: edges that do not match; the robust union handles them
    }
    double area = out.getArea();
    if (out.getDimension() != 2 || Math.abs(area - in) > AREA_TOLERANCE * in || !out.isValid()) {
      return null;
    }
    return out;
  }
}
