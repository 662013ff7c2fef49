package id.tapak.core.rulebook;

import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.LocalizedText;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;

/**
 * Evaluators that read the spatial or detail plan: KPI allocation (PP 20/2024 Art. 43(2), 54(2), 55(2)), minimum
 * expanse with the Art. 78 special cases (Art. 49, 78) and Sentra IKM land (Art. 95(2)). Stateless.
 */
final class PlanChecks {

  private PlanChecks() {}

  static Finding kpi(Rule rule, CheckContext ctx) {
    Finding.Builder b = Finding.of(rule).threshold(rule.threshold("min_share"));
    Proposal.CompanyException e = ctx.proposal.exception();
    if (ctx.proposal.kind() == Proposal.Kind.INDUSTRIAL_COMPANY && e != null && !e.needsKpi()) {
      return b.build(Status.NOT_APPLICABLE, "Pengecualian " + e.id() + " tidak mewajibkan KPI (Pasal 62 ayat (3)).",
          "The exception " + e.en() + " does not require KPI (Art. 62(3)).");
    }
    CheckContext.Assessment a = planAssessment(rule, ctx, b);
    if (a == null) {
      return b.assessed(0, ctx.siteHa).notAssessed(b.pendingReason());
    }
    PlanOverlay plan = PlanOverlay.of(ctx, rule.classes());
    // only the part the plan covers can be inside or outside KPI; the rest is not assessed, never "outside KPI"
    Geometry outside = plan.outside(a.covered());
    double outHa = GeodesicMeasure.hectares(outside);
    double share = a.coveredHa() <= 0 ? 0 : Math.max(0, 100.0 * (a.coveredHa() - outHa) / a.coveredHa());
    b.measured(round(share, 2), "%").conflict(outside, round(outHa, 4)).assessed(a, ctx, ctx.tolerance(rule));
    String zone = plan.role() == id.tapak.core.model.LayerRole.DETAIL_PLAN ? "zona KPI RDTR" : "KPI RTRW";
    String zoneEn = plan.role() == id.tapak.core.model.LayerRole.DETAIL_PLAN ? "the detail plan's KPI zone"
        : "the spatial plan's KPI";
    String expansion = ctx.proposal.kind() == Proposal.Kind.EXPANSION ? " (perluasan, Pasal 55(2))" : "";
    String expansionEn = ctx.proposal.kind() == Proposal.Kind.EXPANSION ? " (expansion, Art. 55(2))" : "";
    double min = rule.threshold("min_share");
    boolean partial = !a.whole(ctx.tolerance(rule));
    String of = partial ? fi(" dari %.2f ha yang tercakup rencana", a.coveredHa()) : "";
    String ofEn = partial ? f(" of the %.2f ha the plan covers", a.coveredHa()) : "";
    String rest = partial ? "; " + a.reason(ctx).id() + ", tidak dinilai" : "";
    String restEn = partial ? "; " + a.reason(ctx).en() + ", not assessed" : "";
    double tolerance = ctx.tolerance(rule);
    if (outHa > tolerance && !(min < 100 && share >= min)) {
      return b.build(rule.severity().breach(), fi("%.2f%% tapak%s%s di dalam %s; %.4f ha di luar KPI%s.", share,
          expansion, of, zone, outHa, rest), f("%.2f%% of the site%s%s lies inside %s; %.4f ha lies outside the "
          + "KPI%s.", share, expansionEn, ofEn, zoneEn, outHa, restEn));
    }
    if (partial) {
      return b.build(Status.NOT_ASSESSED, fi("%.2f%% bagian tapak yang tercakup rencana (%.2f ha) di dalam %s%s.",
          share, a.coveredHa(), zone, rest), f("%.2f%% of the part of the site the plan covers (%.2f ha) lies inside "
          + "%s%s.", share, a.coveredHa(), zoneEn, restEn));
    }
    if (outHa > rule.threshold("tolerance_ha")) {
      return b.build(min < 100 && share >= min ? Status.PASS : Status.WARN, fi("%.2f%% tapak%s di dalam %s; %.4f ha "
          + "di luar KPI, di bawah toleransi irisan %.4f ha (periksa batas digitasi).", share, expansion, zone, outHa,
          tolerance), f("%.2f%% of the site%s lies inside %s; %.4f ha outside the KPI is below the sliver tolerance of "
          + "%.4f ha (check the digitised boundaries).", share, expansionEn, zoneEn, outHa, tolerance));
    }
    return b.build(Status.PASS, fi("Tapak%s seluruhnya di dalam %s (%.2f%%).", expansion, zone, share),
        f("The site%s lies entirely inside %s (%.2f%%).", expansionEn, zoneEn, share));
  }

  /**
   * The part of the site the plan layers that know the rule's classes cover, or null (with the reason left on the
   * builder) when no plan layer is loaded, none has any of the classes, or none covers the site.
   */
  static CheckContext.@org.jspecify.annotations.Nullable Assessment planAssessment(Rule rule, CheckContext ctx,
      Finding.Builder b) {
    List<id.tapak.core.catalog.Layer> plans = ctx.layers(rule.roles());
    if (plans.isEmpty()) {
      b.reason(CheckContext.missing(rule.roles()));
      return null;
    }
    List<id.tapak.core.catalog.Layer> usable = new ArrayList<>();
    List<String> classless = new ArrayList<>();
    for (var l : plans) {
      if (CheckContext.hasClass(l, rule.classes())) {
        usable.add(l);
      } else {
        classless.add(l.id());
      }
    }
    if (usable.isEmpty()) {
      String cls = String.join(", ", rule.classes());
      b.reason(LocalizedText.of("layer " + String.join(", ", classless) + " tidak memiliki kelas yang dibutuhkan "
          + "aturan ini (" + cls + ")", "layer " + String.join(", ", classless) + " has none of the classes the rule "
          + "needs (" + cls + ")"));
      return null;
    }
    CheckContext.Assessment a = ctx.assess(usable);
    if (a.coveredHa() <= 0) {
      b.reason(a.reason(ctx));
      return null;
    }
    return a;
  }

  static Finding expanse(Rule rule, CheckContext ctx) {
    double min = rule.threshold("min_ha");
    double gap = rule.threshold("gap_tolerance_m");
    Finding.Builder b = Finding.of(rule).threshold(min);
    if (ctx.proposal.kind() == Proposal.Kind.SENTRA_IKM) {
      return b.build(Status.NOT_APPLICABLE, "Sentra IKM tidak tunduk pada luas minimum 50 ha (lihat aturan Sentra IKM).",
          "A Sentra IKM is not subject to the 50 ha minimum (see the Sentra IKM rule).");
    }
    if (ctx.proposal.kind() == Proposal.Kind.INDUSTRIAL_COMPANY) {
      return LandUseChecks.estateOnly(b);
    }
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < ctx.site.getNumGeometries(); i++) {
      parts.add(ctx.site.getGeometryN(i));
    }
    double strict = 0;
    double[] ha = new double[parts.size()];
    for (int i = 0; i < ha.length; i++) {
      ha[i] = GeodesicMeasure.hectares(parts.get(i));
      strict = Math.max(strict, ha[i]);
    }
    double tolerant = largestCluster(ctx, parts, ha, gap);
    b.measured(round(tolerant, 4), "ha");
    String detail = parts.size() == 1 ? "" : fi(" (%d bagian; terbesar %.2f ha; dengan toleransi celah %.0f m: %.2f ha)",
        parts.size(), strict, gap, tolerant);
    String detailEn = parts.size() == 1 ? "" : f(" (%d parts; largest %.2f ha; with a gap tolerance of %.0f m: %.2f ha)",
        parts.size(), strict, gap, tolerant);
    if (tolerant >= min) {
      return b.build(Status.PASS, fi("Satu hamparan %.2f ha >= %.0f ha%s.", tolerant, min, detail),
          f("One expanse of %.2f ha >= %.0f ha%s.", tolerant, min, detailEn));
    }
    String failId = fi("Hamparan terbesar %.2f ha < %.0f ha%s.", tolerant, min, detail);
    String failEn = f("The largest expanse is %.2f ha < %.0f ha%s.", tolerant, min, detailEn);
    Proposal.SpecialCase sc = ctx.proposal.specialCase();
    if (sc == null) {
      return b.build(rule.severity().breach(), failId + " Di bawah 50 ha hanya sebagai KI tertentu (Pasal 78).",
          failEn + " Below 50 ha only as a 'KI tertentu' (Art. 78).");
    }
    if (sc == Proposal.SpecialCase.SMALL_KPI_PATCH) {
      PlanOverlay plan = PlanOverlay.of(ctx, rule.classes());
      if (plan.role() != null && plan.covered()) {
        double patch = plan.largestPatchHa(ctx.site);
        if (patch >= min) {
          return b.subject(f("KPI patch %.2f ha", patch)).build(rule.severity().breach(),
              failId + fi(" Hamparan KPI yang memuat tapak %.2f ha >= %.0f ha, jadi Pasal 78(b) tidak berlaku.", patch, min),
              failEn + f(" The KPI expanse containing the site is %.2f ha >= %.0f ha, so Art. 78(b) does not apply.",
                  patch, min));
        }
        b.subject(f("KPI patch %.2f ha", patch));
      }
    }
    LocalizedText why = switch (sc) {
      case THEMATIC -> LocalizedText.of("KI tematik (Pasal 78 huruf a): bersyarat pada penetapan sesuai kriteria Menteri.",
          "Thematic estate (Art. 78(a)): conditional on designation under the Minister's criteria.");
      case SMALL_KPI_PATCH -> LocalizedText.of("KPI dalam satu hamparan < 50 ha (Pasal 78 huruf b): bersyarat pada "
          + "RTRW yang menunjukkan ketersediaan KPI tersebut.", "KPI available in one expanse is under 50 ha "
          + "(Art. 78(b)): conditional on the spatial plan showing that.");
      case NATIONAL_POLICY -> LocalizedText.of("Kebijakan industri nasional (Pasal 78 huruf c): bersyarat pada "
          + "penetapan kebijakan tersebut.", "National industrial policy (Art. 78(c)): conditional on that policy.");
    };
    return b.condition(why).build(Status.WARN, failId + " " + why.id(), failEn + " " + why.en());
  }

  /** Hectares of the largest group of parts, where parts at most {@code gap} metres apart are one group. */
  private static double largestCluster(CheckContext ctx, List<Geometry> parts, double[] ha, double gap) {
    int n = parts.size();
    if (n == 1) {
      return ha[0];
    }
    List<Geometry> utm = new ArrayList<>();
    for (Geometry p : parts) {
      utm.add(ctx.utm(p));
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (utm.get(i).isWithinDistance(utm.get(j), gap)) {
          int gi = root(group, i);
          int gj = root(group, j);
          group[gi] = gj;
        }
      }
    }
    double[] sum = new double[n];
    double best = 0;
    for (int i = 0; i < n; i++) {
      int r = root(group, i);
      sum[r] += ha[i];
      best = Math.max(best, sum[r]);
    }
    return best;
  }

  private static int root(int[] g, int i) {
    while (g[i] != i) {
      g[i] = g[g[i]];
      i = g[i];
    }
    return i;
  }

  static Finding sentra(Rule rule, CheckContext ctx) {
    double minM2 = rule.threshold("min_m2");
    Finding.Builder b = Finding.of(rule).threshold(minM2);
    if (ctx.proposal.kind() != Proposal.Kind.SENTRA_IKM) {
      return b.build(Status.NOT_APPLICABLE, "Hanya untuk permohonan Sentra IKM (kind: sentra-ikm).",
          "Only for Sentra IKM requests (kind: sentra-ikm).");
    }
    double m2 = ctx.siteHa * 10_000;
    b.measured(Math.round(m2), "m2");
    Finding.Builder probe = Finding.of(rule);
    CheckContext.Assessment a = planAssessment(rule, ctx, probe);
    List<String> id = new ArrayList<>();
    List<String> en = new ArrayList<>();
    boolean ok = true;
    if (m2 < minM2) {
      ok = false;
      id.add(fi("luas %,.0f m² < %,.0f m²", m2, minM2));
      en.add(f("area %,.0f m² < %,.0f m²", m2, minM2));
    }
    boolean assessed = a != null && a.whole(ctx.tolerance(rule));
    if (a == null) {
      b.assessed(0, ctx.siteHa).reason(probe.pendingReason());
    } else {
      b.assessed(a, ctx, ctx.tolerance(rule));
      Geometry outside = PlanOverlay.of(ctx, rule.classes()).outside(a.covered());
      double outHa = GeodesicMeasure.hectares(outside);
      double share = 100.0 * (a.coveredHa() - outHa) / ctx.siteHa;
      if (outHa > ctx.tolerance(rule)) {
        ok = false;
        b.conflict(outside, round(outHa, 4));
        id.add(fi("%.2f%% di dalam KPI (%.4f ha di luar)", share, outHa));
        en.add(f("%.2f%% inside KPI (%.4f ha outside)", share, outHa));
      }
    }
    if (!ok) {
      return b.build(rule.severity().breach(), "Sentra IKM: " + String.join("; ", id) + ".",
          "Sentra IKM: " + String.join("; ", en) + ".");
    }
    if (!assessed) {
      LocalizedText why = a == null ? probe.pendingReason() : a.reason(ctx);
      return b.build(Status.NOT_ASSESSED, "Sentra IKM: KPI tidak dapat dinilai: " + why.id() + ".",
          "Sentra IKM: the KPI cannot be assessed: " + why.en() + ".");
    }
    return b.build(Status.PASS, fi("Lahan Sentra IKM %,.0f m² di dalam KPI.", m2),
        f("Sentra IKM land of %,.0f m² inside KPI.", m2));
  }

  static double round(double v, int decimals) {
    double s = Math.pow(10, decimals);
    return Math.round(v * s) / s;
  }

  /** Indonesian number format (decimal comma, thousands dot: 18,59 ha; 1.250 m). */
  static final Locale ID = Locale.forLanguageTag("id-ID");

  /** English text: decimal point, thousands comma (18.59 ha; 1,250 m). */
  static String f(String fmt, Object... args) {
    return String.format(Locale.US, fmt, args);
  }

  /** Indonesian text: the same pattern in Indonesian number format. */
  static String fi(String fmt, Object... args) {
    return String.format(ID, fmt, args);
  }
}
