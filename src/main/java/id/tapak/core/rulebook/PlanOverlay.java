package id.tapak.core.rulebook;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.PolygonUnion;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The industrial allocation around a site: where a detail-plan (RDTR) feature covers part of the site, its zone
 * decides that part (it takes precedence); the spatial plan's (RTRW) KPI decides the rest. Geometries are lon/lat; overlays use OverlayNG's robust
 * strategy so real RTRW data with near-coincident edges does not throw.
 *
 * @param role the plan role used, or null when no plan layer is loaded
 * @param covered true when some plan feature intersects the site
 * @param industrial union of the whole industrial features touching the site (not clipped), possibly empty
 * @param inSite the same inside the site: the union of the site's pieces of those features (the pieces the coverage
 *     assessment unites too, so their edges are the very same coordinates), or null where the overlay is
 *     combined from two plans (then {@link #outside} cuts the site with {@code industrial})
 * @param planNames names of the layers used, for messages
 */
record PlanOverlay(@Nullable LayerRole role, boolean covered, Geometry industrial, @Nullable Geometry inSite,
    String planNames) {

  static PlanOverlay of(CheckContext ctx, List<String> classes) {
    List<Layer> detail = ctx.catalog.layers(LayerRole.DETAIL_PLAN);
    List<Layer> spatial = ctx.catalog.layers(LayerRole.SPATIAL_PLAN);
    boolean detailTouches = !detail.isEmpty() && touches(ctx, detail);
    if (detailTouches && !spatial.isEmpty()) {
      // the detail plan decides where it has zones; the spatial plan decides the rest of the site
      PlanOverlay d = build(ctx, detail, LayerRole.DETAIL_PLAN, classes);
      PlanOverlay s = build(ctx, spatial, LayerRole.SPATIAL_PLAN, classes);
      Geometry coverage = coverage(ctx, detail);
      Geometry spatialRest = s.industrial().isEmpty() ? s.industrial()
          : OverlayNGRobust.overlay(s.industrial(), coverage, OverlayNG.DIFFERENCE);
      Geometry industrial = d.industrial().isEmpty() ? spatialRest : spatialRest.isEmpty() ? d.industrial()
          : OverlayNGRobust.overlay(d.industrial(), spatialRest, OverlayNG.UNION);
      return new PlanOverlay(LayerRole.DETAIL_PLAN, true, industrial, null, d.planNames() + ", " + s.planNames());
    }
    if (detailTouches) {
      return build(ctx, detail, LayerRole.DETAIL_PLAN, classes);
    }
    if (!spatial.isEmpty()) {
      return build(ctx, spatial, LayerRole.SPATIAL_PLAN, classes);
    }
    if (!detail.isEmpty()) {
      return build(ctx, detail, LayerRole.DETAIL_PLAN, classes);
    }
    Geometry none = ctx.site.getFactory().createPolygon();
    return new PlanOverlay(null, false, none, none, "");
  }

  /** Union of the detail-plan features touching the site: where the detail plan speaks. */
  private static Geometry coverage(CheckContext ctx, List<Layer> layers) {
    List<Geometry> gs = new ArrayList<>();
    for (Layer l : layers) {
      for (Feature f : ctx.intersecting(l, ctx.site)) {
        gs.add(f.geometry());
      }
    }
    return PolygonUnion.of(gs, ctx.site.getFactory());
  }

  private static boolean touches(CheckContext ctx, List<Layer> layers) {
    for (Layer l : layers) {
      if (!ctx.intersecting(l, ctx.site).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static PlanOverlay build(CheckContext ctx, List<Layer> layers, LayerRole role, List<String> classes) {
    List<Geometry> kpi = new ArrayList<>();
    List<Geometry> kpiInSite = new ArrayList<>();
    boolean covered = false;
    List<String> names = new ArrayList<>();
    for (Layer l : layers) {
      names.add(l.spec().title().en());
      for (Feature f : ctx.intersecting(l, ctx.site)) {
        covered = true;
        if (CheckContext.matches(CheckContext.className(l, f), classes)) {
          kpi.add(f.geometry());
          kpiInSite.add(ctx.piece(ctx.site, f));
        }
      }
    }
    // the KPI polygons of one plan usually tile: a coverage union where they do, else the robust one
    Geometry union = PolygonUnion.of(kpi, ctx.site.getFactory());
    Geometry inSite = PolygonUnion.of(kpiInSite.stream().filter(g -> !g.isEmpty() && g.getDimension() == 2).toList(),
        ctx.site.getFactory());
    return new PlanOverlay(role, covered, union, inSite, String.join(", ", names));
  }

  /**
   * The part of {@code covered} (the part of the site the plans cover) outside the industrial allocation. Cut with
   * the KPI's pieces of the site where there are such: the same ground as cutting with the whole KPI polygons (covered
   * lies in the site), but the edges meet the pieces {@code covered} was united from exactly, where the whole
   * polygons' edges of thousands of vertices run a hair beside them, made the fast floating overlay fail and took a
   * snapping retry on every check.
   */
  Geometry outside(Geometry covered) {
    Geometry cut = inSite != null ? inSite : industrial;
    return cut.isEmpty() ? covered : OverlayNGRobust.overlay(covered, cut, OverlayNG.DIFFERENCE);
  }

  /** Hectares of the largest connected industrial patch touching the site (for Art. 78(b)). */
  double largestPatchHa(Geometry site) {
    double best = 0;
    for (int i = 0; i < industrial.getNumGeometries(); i++) {
      Geometry p = industrial.getGeometryN(i);
      if (p.intersects(site)) {
        best = Math.max(best, id.tapak.core.geo.GeodesicMeasure.hectares(p));
      }
    }
    return best;
  }
}
