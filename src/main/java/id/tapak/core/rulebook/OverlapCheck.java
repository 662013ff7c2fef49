package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.round;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Forbidden overlaps (LP2B, protected areas, other estates): every feature of the rule's roles counts, and so do
 * spatial- or detail-plan features whose class matches the rule's {@code classes}. Reports the overlap as geometry
 * and geodesic hectares. Stateless.
 */
final class OverlapCheck {

  private OverlapCheck() {}

  static Finding evaluate(Rule rule, CheckContext ctx) {
    double max = rule.threshold("max_ha");
    Finding.Builder b = Finding.of(rule).threshold(max);
    List<Layer> layers = ctx.layers(rule.roles());
    boolean planClasses = !rule.classes().isEmpty();
    if (planClasses) {
      for (LayerRole r : List.of(LayerRole.SPATIAL_PLAN, LayerRole.DETAIL_PLAN)) {
        if (!rule.roles().contains(r)) {
          layers.addAll(ctx.catalog.layers(r));
        }
      }
    }
    if (layers.isEmpty()) {
      String[] m = CheckContext.missing(rule.roles());
      return b.build(Status.NOT_APPLICABLE, m[0], m[1]);
    }
    List<Geometry> pieces = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Layer l : layers) {
      boolean filter = (l.role() == LayerRole.SPATIAL_PLAN || l.role() == LayerRole.DETAIL_PLAN)
          && !rule.roles().contains(l.role());
      for (Feature f : l.index().intersecting(ctx.site)) {
        if (ctx.isOwn(l, f) || filter && !CheckContext.matches(CheckContext.className(l, f), rule.classes())) {
          continue;
        }
        Geometry piece = OverlayNGRobust.overlay(ctx.site, f.geometry(), OverlayNG.INTERSECTION);
        if (!piece.isEmpty() && piece.getDimension() == 2) {
          pieces.add(piece);
          names.add(CheckContext.name(l, f));
        }
      }
    }
    Geometry overlap = pieces.isEmpty() ? ctx.site.getFactory().createPolygon()
        : pieces.size() == 1 ? pieces.get(0) : OverlayNGRobust.union(ctx.site.getFactory().buildGeometry(pieces));
    double ha = GeodesicMeasure.hectares(overlap);
    b.measured(round(ha, 4), "ha");
    String layerNames = String.join(", ", layers.stream().map(l -> l.spec().title().en()).distinct().toList());
    double tolerance = rule.threshold("tolerance_ha");
    if (ha <= max + 1e-9) {
      return b.build(Status.PASS, f("Tidak ada tumpang tindih dengan %s.", rule.title().id()),
          f("No overlap with %s (%s).", rule.title().en(), layerNames));
    }
    if (ha <= max + tolerance) {
      return b.build(Status.PASS, f("Tumpang tindih %.4f ha dengan %s di bawah toleransi digitasi %.4f ha.", ha,
          rule.title().id(), tolerance), f("Overlap of %.4f ha with %s is below the digitising tolerance of %.4f ha.",
          ha, rule.title().en(), tolerance));
    }
    List<String> shown = names.stream().limit(5).toList();
    String subject = String.join(", ", shown) + (names.size() > 5 ? f(" (+%d)", names.size() - 5) : "");
    b.subject(subject).conflict(overlap, round(ha, 4));
    Status s = rule.severity().breach();
    if (ctx.proposal.kind() == Proposal.Kind.EXPANSION && rule.roles().contains(LayerRole.ESTATE)) {
      s = Status.WARN;
      return b.build(s, f("Perluasan tumpang tindih %.4f ha dengan kawasan %s; pastikan itu kawasan yang diperluas.",
          ha, subject), f("The expansion overlaps %.4f ha of estate %s; make sure it is the estate being expanded.",
          ha, subject));
    }
    return b.build(s, f("Tumpang tindih %.4f ha dengan %s: %s.", ha, rule.title().id(), subject),
        f("Overlaps %.4f ha of %s: %s.", ha, rule.title().en(), subject));
  }
}
