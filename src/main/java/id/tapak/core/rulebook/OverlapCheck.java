package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.fi;
import static id.tapak.core.rulebook.PlanChecks.round;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

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
    boolean estates = rule.roles().contains(LayerRole.ESTATE);
    if (estates && ctx.proposal.kind() == Proposal.Kind.INDUSTRIAL_COMPANY) {
      return b.build(Status.NOT_APPLICABLE, "Perusahaan industri di dalam KI justru dikehendaki (Pasal 62, 63 ayat "
          + "(3)); lihat aturan lokasi perusahaan.", "An industrial company inside an estate is what the law wants (Art. "
          + "62, 63(3)); see the company-location rule.");
    }
    List<Layer> layers = ctx.layers(rule.roles());
    if (!rule.classes().isEmpty()) {
      // plan layers speak for this theme only when they carry one of its classes somewhere
      for (LayerRole r : List.of(LayerRole.SPATIAL_PLAN, LayerRole.DETAIL_PLAN)) {
        if (!rule.roles().contains(r)) {
          for (Layer l : ctx.catalog.layers(r)) {
            if (CheckContext.hasClass(l, rule.classes())) {
              layers.add(l);
            }
          }
        }
      }
    }
    if (layers.isEmpty()) {
      return b.assessed(0, ctx.siteHa).notAssessed(CheckContext.missing(rule.roles()));
    }
    CheckContext.Overlap hit = ctx.overlap(layers, (l, f) -> !ctx.isOwn(l, f)
        && (!(l.role() == LayerRole.SPATIAL_PLAN || l.role() == LayerRole.DETAIL_PLAN) || rule.roles().contains(l.role())
            || CheckContext.matches(CheckContext.className(l, f), rule.classes())));
    Geometry overlap = hit.geometry();
    Set<String> names = hit.names();
    double ha = hit.ha();
    b.measured(round(ha, 4), "ha");
    CheckContext.Assessment a = ctx.assess(layers);
    double tolerance = ctx.tolerance(rule);
    boolean whole = a.whole(tolerance);
    b.assessed(a, ctx, tolerance);
    String layerNames = String.join(", ", layers.stream().map(l -> l.spec().title().en()).distinct().toList());
    String layerNamesId = String.join(", ", layers.stream().map(l -> l.spec().title().id()).distinct().toList());
    if (ha > max + tolerance) {
      List<String> shown = names.stream().limit(5).toList();
      String subject = String.join(", ", shown) + (names.size() > 5 ? f(" (+%d)", names.size() - 5) : "");
      b.subject(subject).conflict(overlap, round(ha, 4));
      if (ctx.proposal.kind() == Proposal.Kind.EXPANSION && estates) {
        return b.build(Status.WARN, fi("Perluasan tumpang tindih %.4f ha dengan kawasan %s; pastikan itu kawasan yang "
            + "diperluas.", ha, subject), f("The expansion overlaps %.4f ha of estate %s; make sure it is the estate "
            + "being expanded.", ha, subject));
      }
      return b.build(rule.severity().breach(), fi("Tumpang tindih %.4f ha dengan %s: %s.", ha, rule.title().id(),
          subject), f("Overlaps %.4f ha of %s: %s.", ha, rule.title().en(), subject));
    }
    if (!whole) {
      LocalizedText why = a.reason(ctx);
      String found = ha > max + 1e-9 ? fi(" (tumpang tindih %.4f ha di bawah toleransi)", ha) : "";
      String foundEn = ha > max + 1e-9 ? f(" (an overlap of %.4f ha below the tolerance)", ha) : "";
      return b.build(Status.NOT_ASSESSED, fi("Tidak ada tumpang tindih dengan %s pada %.2f ha yang tercakup%s; %s.",
          rule.title().id(), a.coveredHa(), found, why.id()), f("No overlap with %s on the %.2f ha covered%s; %s.",
          rule.title().en(), a.coveredHa(), foundEn, why.en()));
    }
    if (ha <= max + 1e-9) {
      return b.build(Status.PASS, fi("Tidak ada tumpang tindih dengan %s (%s).", rule.title().id(), layerNamesId),
          f("No overlap with %s (%s).", rule.title().en(), layerNames));
    }
    Status sliver = ha <= max + rule.threshold("tolerance_ha") ? Status.PASS : Status.WARN;
    return b.build(sliver, fi("Tumpang tindih %.4f ha dengan %s di bawah toleransi irisan %.4f ha.", ha,
        rule.title().id(), tolerance), f("Overlap of %.4f ha with %s is below the sliver tolerance of %.4f ha.",
        ha, rule.title().en(), tolerance));
  }
}
