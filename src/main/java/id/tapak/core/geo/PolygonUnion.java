package id.tapak.core.geo;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
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

  /**
   * The union of polygonal {@code pieces} that all lie within {@code target}, built as {@code target} minus what the
   * pieces leave of it: the coverage union where it holds, else the pieces taken from the target largest first
   * (each only where the remainder's envelope meets it), and the remainder taken from the target. The same ground as
   * {@link #of}; where the pieces overlap, the two may differ by some 1e-5 of the area, each OverlayNG's snapping
   * fallback moving vertices its own way. For what needs the extent, not the geometry to report: around a site of a
   * plan merged from overlapping sources, the robust union of the 107 pieces of the area within 2 km took 120–200 ms,
   * this 24 ms (docs/benchmarks.md, scale (c)).
   */
  public static Geometry within(Geometry target, List<Geometry> pieces) {
    if (pieces.isEmpty()) {
      return target.getFactory().createPolygon();
    }
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    Geometry fast = coverageUnion(target.getFactory().buildGeometry(pieces));
    if (fast != null) {
      return fast;
    }
    List<Geometry> largestFirst = new java.util.ArrayList<>(pieces);
    largestFirst.sort(java.util.Comparator.comparingDouble(Geometry::getArea).reversed());
    Geometry rest = target;
    for (Geometry p : largestFirst) {
      id.tapak.core.model.Budget.checkpoint();
      if (rest.isEmpty()) {
        break;
      }
      if (rest.getEnvelopeInternal().intersects(p.getEnvelopeInternal())) {
        rest = polygonal(OverlayNGRobust.overlay(rest, p, OverlayNG.DIFFERENCE));
      }
    }
    return polygonal(OverlayNGRobust.overlay(target, rest, OverlayNG.DIFFERENCE));
  }

  /** The polygons of an overlay's result: a collapse can leave lines or points beside them, which have no area. */
  static Geometry polygonal(Geometry g) {
    if (g instanceof org.locationtech.jts.geom.Polygonal) {
      return g;
    }
    return g.getFactory().buildGeometry(org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(g));
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
