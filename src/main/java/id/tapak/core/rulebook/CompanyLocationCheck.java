package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.fi;

import id.tapak.core.catalog.Coverage;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Where one industrial company may lie (PP 20/2024 Art. 62, 63(3)), for proposals of kind {@code industrial-company}.
 * Inside an operating estate the company uses the estate's KKPR (Art. 63(3)): PASS. Outside, Art. 62(1) requires a
 * KI unless an exception holds; Tapak computes the one it can (does the kabupaten/kota the site lies in have an
 * operating estate in the loaded layers, and do those layers cover it?) and takes the others as the proposer's claim,
 * so the verdict is conditional on them. Stateless.
 */
final class CompanyLocationCheck {

  private CompanyLocationCheck() {}

  static Finding evaluate(Rule rule, CheckContext ctx) {
    Finding.Builder b = Finding.of(rule);
    Proposal p = ctx.proposal;
    if (p.kind() != Proposal.Kind.INDUSTRIAL_COMPANY) {
      return b.build(Status.NOT_APPLICABLE, "Hanya untuk satu perusahaan industri (kind: industrial-company).",
          "Only for one industrial company (kind: industrial-company).");
    }
    List<Layer> estates = ctx.layers(List.of(LayerRole.ESTATE));
    if (estates.isEmpty()) {
      return b.notAssessed(LocalizedText.of("tidak ada layer kawasan industri beroperasi (peran estate) untuk menilai "
          + "apakah perusahaan berada di dalam KI (Pasal 62, 63 ayat (3))", "no operating-estate layer (role estate) "
          + "is loaded to judge whether the company lies in an estate (Art. 62, 63(3))"));
    }
    // 1. inside an operating estate?
    CheckContext.Overlap inside = ctx.overlap(estates, (l, e) -> true);
    double inHa = inside.ha();
    Set<String> names = inside.names();
    String estateNames = String.join(", ", names);
    double tolerance = ctx.tolerance(rule);
    if (inHa > 0 && ctx.siteHa - inHa <= tolerance) {
      return b.subject(estateNames).build(Status.PASS, "Perusahaan di dalam KI " + estateNames + ": memakai KKPR "
          + "kawasan industri (Pasal 63 ayat (3)); tidak perlu KKPR sendiri.", "The company lies inside estate "
          + estateNames + ": it uses the estate's KKPR (Art. 63(3)); no KKPR of its own is needed.");
    }
    if (inHa > tolerance) {
      return b.subject(estateNames).build(Status.WARN, fi("Perusahaan sebagian (%.2f ha dari %.2f ha) di dalam KI %s; "
          + "bagian di luar KI memerlukan pengecualian Pasal 62.", inHa, ctx.siteHa, estateNames),
          f("The company lies partly (%.2f of %.2f ha) inside estate %s; the part outside needs an Art. 62 exception.",
              inHa, ctx.siteHa, estateNames));
    }
    // 2. outside every estate: the kabupaten/kota and its estates
    Regency r = regency(ctx, estates);
    Proposal.CompanyException e = p.exception();
    String kpi = e != null && !e.needsKpi() ? "" : " Tetap wajib di dalam KPI (Pasal 62 ayat (3)), lihat aturan KPI.";
    String kpiEn = e != null && !e.needsKpi() ? "" : " It must still lie in KPI (Art. 62(3)), see the KPI rule.";
    if (r == null) {
      LocalizedText why = LocalizedText.of("tidak ada layer kabupaten/kota (peran admin) yang memuat tapak, jadi "
          + "tidak diketahui apakah kabupaten/kota itu memiliki KI", "no kabupaten/kota layer (role admin) holds the "
          + "site, so whether that regency has an estate is unknown");
      return e == null ? b.notAssessed(why) : claimed(b, e, why, kpi, kpiEn);
    }
    b.subject(r.name());
    if (!r.estates().isEmpty()) {
      String list = String.join(", ", r.estates());
      if (e == null || e == Proposal.CompanyException.NO_ESTATE_IN_REGENCY) {
        String claim = e == null ? "tidak menyatakan pengecualian Pasal 62" : "menyatakan tidak ada KI, padahal";
        String claimEn = e == null ? "states no Art. 62 exception" : "claims there is no estate, but";
        return b.build(rule.severity().breach(), "Perusahaan di luar KI dan " + claim + "; " + r.name()
            + " memiliki KI beroperasi: " + list + ". Pasal 62 ayat (1): perusahaan industri wajib berlokasi di KI.",
            "The company lies outside any estate and " + claimEn + "; " + r.name() + " has operating estates: "
            + list + ". Art. 62(1): an industrial company must locate in an estate.");
      }
      return claimed(b, e, LocalizedText.of(r.name() + " memiliki KI: " + list, r.name() + " has estates: " + list),
          kpi, kpiEn);
    }
    if (!r.covered()) {
      LocalizedText why = LocalizedText.of("layer KI tidak dinyatakan mencakup " + r.name() + ", jadi ketiadaan KI di "
          + "sana bukan bukti", "the estate layer is not declared to cover " + r.name() + ", so no estate there is no "
          + "evidence");
      return e == null ? b.notAssessed(why) : claimed(b, e, why, kpi, kpiEn);
    }
    if (e == null || e == Proposal.CompanyException.NO_ESTATE_IN_REGENCY) {
      return b.build(Status.PASS, r.name() + " tidak memiliki KI beroperasi pada layer yang dimuat: pengecualian "
          + "Pasal 62 ayat (2) huruf a berlaku." + kpi, r.name() + " has no operating estate in the loaded layers: the "
          + "Art. 62(2)(a) exception holds." + kpiEn);
    }
    return claimed(b, e, LocalizedText.of(r.name() + " tidak memiliki KI pada layer yang dimuat",
        r.name() + " has no estate in the loaded layers"), kpi, kpiEn);
  }

  /** An exception Tapak cannot verify from the map: a WARN on the condition that it holds. */
  private static Finding claimed(Finding.Builder b, Proposal.CompanyException e, LocalizedText context, String kpi,
      String kpiEn) {
    return b.condition(LocalizedText.of("bersyarat pada pengecualian yang dinyatakan: " + e.id(),
        "conditional on the stated exception: " + e.en())).build(Status.WARN, "Perusahaan di luar KI dengan "
        + "pengecualian " + e.id() + " (" + context.id() + "); periksa buktinya." + kpi, "The company lies outside any "
        + "estate under the exception " + e.en() + " (" + context.en() + "); check the evidence." + kpiEn);
  }

  /**
   * The kabupaten/kota holding the site's centroid (first admin layer with a feature there), its operating estates
   * and whether every estate layer's coverage spans it.
   */
  private record Regency(String name, List<String> estates, boolean covered) {}

  private static @Nullable Regency regency(CheckContext ctx, List<Layer> estates) {
    Geometry c = ctx.site.getInteriorPoint();
    for (Layer admin : ctx.catalog.layers(LayerRole.ADMIN)) {
      for (Feature k : admin.intersecting(c)) {
        ctx.used.add(admin);
        Set<String> found = new LinkedHashSet<>();
        boolean covered = true;
        for (Layer l : estates) {
          for (Feature e : l.intersecting(k.geometry())) {
            found.add(CheckContext.name(l, e));
          }
          Coverage cov = ctx.catalog.coverage(l);
          covered &= cov.kind() == Coverage.Kind.AREA && cov.covers(k.geometry().buffer(-0.001));
        }
        return new Regency(CheckContext.name(admin, k), List.copyOf(found), covered);
      }
    }
    return null;
  }
}
