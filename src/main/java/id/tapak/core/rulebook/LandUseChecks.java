package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.fi;
import static id.tapak.core.rulebook.PlanChecks.round;

import id.tapak.core.geo.GeodesicMeasure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Evaluators over what the proposer declares about land use inside the estate: IKM land (PP 20/2024 Art. 59, share
 * from Permenperin 05/2014 as a setting) and the land-use composition bands of Permenperin 26/2025. Declared
 * hectares and zone polygons are both accepted; zone polygons win when given. The industrial-plot area includes the
 * IKM land (Permenperin 26/2025 counts IKM inside the plot share). Stateless.
 */
final class LandUseChecks {

  private LandUseChecks() {}

  /** Hectares of the zones of one use, or null when there are none. */
  static @Nullable Double zoneHa(Proposal p, Proposal.ZoneUse use) {
    List<Proposal.Zone> zs = p.zones(use);
    if (zs.isEmpty()) {
      return null;
    }
    double sum = 0;
    for (Proposal.Zone z : zs) {
      sum += GeodesicMeasure.hectares(z.geometry());
    }
    return sum;
  }

  /** Industrial plots including IKM land: zones (plots + IKM) if any plot zone is given, else the declared figure. */
  static @Nullable Double plotHa(Proposal p) {
    Double plots = zoneHa(p, Proposal.ZoneUse.INDUSTRIAL_PLOT);
    if (plots != null) {
      Double ikm = zoneHa(p, Proposal.ZoneUse.IKM);
      return plots + (ikm == null ? 0 : ikm);
    }
    return p.industrialPlotHa();
  }

  /** IKM land in ha: the {@code use: ikm} zones if any, else the declared {@code ikm_ha}; null when neither. */
  static @Nullable Double ikmHa(Proposal p) {
    Double zones = zoneHa(p, Proposal.ZoneUse.IKM);
    return zones != null ? zones : p.ikmHa();
  }

  /** The estate-only rules (50 ha, IKM land, composition) do not concern one industrial company. */
  static Finding estateOnly(Finding.Builder b) {
    return b.build(Status.NOT_APPLICABLE, "Aturan kawasan industri; tidak berlaku untuk satu perusahaan industri "
        + "(kind: industrial-company, Pasal 62).", "An industrial-estate rule; it does not apply to one industrial "
        + "company (kind: industrial-company, Art. 62).");
  }

  static Finding ikm(Rule rule, CheckContext ctx) {
    Finding.Builder b = Finding.of(rule);
    Proposal p = ctx.proposal;
    if (p.kind() == Proposal.Kind.INDUSTRIAL_COMPANY) {
      return estateOnly(b);
    }
    if (p.kind() == Proposal.Kind.SENTRA_IKM) {
      return b.build(Status.NOT_APPLICABLE, "Tidak berlaku untuk Sentra IKM.", "Not applicable to a Sentra IKM.");
    }
    Double ikm = ikmHa(p);
    if ((ikm == null || ikm <= 0) && p.ownEstate() != null) {
      return b.build(Status.NOT_APPLICABLE, "Audit: layer kawasan tidak memuat data lahan IKM; nilai dengan "
          + "mengirim rencana tapak (ikm_ha, industrial_plot_ha).", "Audit: the estate layer carries no IKM land "
          + "data; check it by submitting the site plan (ikm_ha, industrial_plot_ha).");
    }
    if (ikm == null || ikm <= 0) {
      return b.build(rule.severity().breach(), "Lahan IKM tidak ada. Pasal 59 mewajibkan penyediaan lahan IKM: "
          + "berikan ikm_ha (hektare) dan industrial_plot_ha, atau poligon zona dengan use: ikm di dalam kawasan.",
          "No IKM land given. Art. 59 requires land for small and medium industry: give ikm_ha (hectares) and "
          + "industrial_plot_ha, or zone polygons with use: ikm inside the estate.");
    }
    b.measured(round(ikm, 4), "ha");
    List<Proposal.Zone> zones = p.zones(Proposal.ZoneUse.IKM);
    if (!zones.isEmpty()) {
      List<Geometry> gs = new ArrayList<>();
      for (Proposal.Zone z : zones) {
        gs.add(z.geometry());
      }
      Geometry all = gs.size() == 1 ? gs.get(0) : OverlayNGRobust.union(ctx.site.getFactory().buildGeometry(gs));
      Geometry outside = OverlayNGRobust.overlay(all, ctx.site, OverlayNG.DIFFERENCE);
      double outHa = GeodesicMeasure.hectares(outside);
      if (outHa > rule.threshold("tolerance_ha")) {
        b.conflict(outside, round(outHa, 4));
        return b.build(rule.severity().breach(), fi("%.4f ha lahan IKM berada di luar kawasan; lahan IKM harus di "
            + "dalam kawasan.", outHa), f("%.4f ha of the IKM land lies outside the estate; IKM land must lie "
            + "inside it.", outHa));
      }
      return b.build(Status.PASS, fi("Lahan IKM %.2f ha disediakan di dalam kawasan.", ikm),
          f("IKM land of %.2f ha is provided inside the estate.", ikm));
    }
    return b.build(Status.PASS, fi("Lahan IKM %.2f ha disediakan (luas yang dinyatakan).", ikm),
        f("IKM land of %.2f ha is provided (declared area).", ikm));
  }

  static Finding ikmShare(Rule rule, CheckContext ctx) {
    double minShare = rule.threshold("min_share");
    Finding.Builder b = Finding.of(rule).threshold(minShare);
    Proposal p = ctx.proposal;
    Double ikm = ikmHa(p);
    Double plot = plotHa(p);
    if (p.kind() == Proposal.Kind.INDUSTRIAL_COMPANY) {
      return estateOnly(b);
    }
    if (p.kind() == Proposal.Kind.SENTRA_IKM || ikm == null || ikm <= 0) {
      return b.build(Status.NOT_APPLICABLE, "Tidak ada lahan IKM untuk dinilai (lihat aturan ikm-land).",
          "No IKM land to measure (see the ikm-land rule).");
    }
    if (plot == null || plot <= 0) {
      return b.build(rule.severity().breach(), fi("Luas kaveling industri tidak diberikan (industrial_plot_ha), "
          + "jadi bagian %.0f%% tidak dapat dinilai.", minShare), f("The industrial-plot area is not given "
          + "(industrial_plot_ha), so the %.0f%% share cannot be judged.", minShare));
    }
    double share = 100.0 * ikm / plot;
    b.measured(round(share, 2), "%");
    if (share >= minShare) {
      return b.build(Status.PASS, fi("Lahan IKM %.2f ha = %.2f%% dari kaveling industri %.2f ha (>= %.0f%%).", ikm,
          share, plot, minShare), f("IKM land %.2f ha = %.2f%% of the %.2f ha industrial plots (>= %.0f%%).", ikm,
          share, plot, minShare));
    }
    return b.build(rule.severity().breach(), fi("Lahan IKM %.2f ha = %.2f%% dari kaveling industri %.2f ha, kurang "
        + "dari %.0f%% (angka dari pengaturan; PP 20/2024 menyerahkan besaran ke Peraturan Menteri).", ikm, share, plot,
        minShare), f("IKM land %.2f ha = %.2f%% of the %.2f ha industrial plots, less than %.0f%% (a setting; PP "
        + "20/2024 leaves the figure to a ministerial regulation).", ikm, share, plot, minShare));
  }

  static Finding composition(Rule rule, CheckContext ctx) {
    Proposal p = ctx.proposal;
    String target = rule.target() == null ? "" : rule.target();
    Double ha = switch (target) {
      case "industrial_plot" -> plotHa(p);
      case "green_space" -> zoneHa(p, Proposal.ZoneUse.GREEN_SPACE) != null
          ? zoneHa(p, Proposal.ZoneUse.GREEN_SPACE) : p.greenSpaceHa();
      default -> zoneHa(p, Proposal.ZoneUse.ROAD) != null ? zoneHa(p, Proposal.ZoneUse.ROAD) : p.roadHa();
    };
    boolean upper = rule.has("max_best");
    double best = upper ? rule.threshold("max_best") : rule.threshold("min_best");
    double ok = upper ? rule.threshold("max_ok") : rule.threshold("min_ok");
    Finding.Builder b = Finding.of(rule).threshold(ok);
    if (p.kind() == Proposal.Kind.INDUSTRIAL_COMPANY) {
      return estateOnly(b);
    }
    if (ha == null) {
      return b.build(Status.NOT_APPLICABLE, fi("Tidak ada data %s: berikan %s_ha atau poligon zona use: %s.", target,
          target, target), f("No %s data: give %s_ha or zone polygons with use: %s.", target, target, target));
    }
    double share = ctx.siteHa <= 0 ? 0 : 100.0 * ha / ctx.siteHa;
    b.measured(round(share, 2), "%");
    String what = fi("%s %.2f ha = %.2f%% dari tapak", target, ha, share);
    String whatEn = f("%s %.2f ha = %.2f%% of the site", target, ha, share);
    String bound = upper ? "<=" : ">";
    if (upper ? share <= best : share > best) {
      return b.build(Status.PASS, fi("%s: terbaik (skor 3, %s %.0f%%).", what, bound, best),
          f("%s: best band (score 3, %s %.0f%%).", whatEn, bound, best));
    }
    if (upper ? share <= ok : share >= ok) {
      return b.build(Status.WARN, fi("%s: dapat diterima (skor 2; terbaik %s %.0f%%).", what, bound, best),
          f("%s: acceptable (score 2; best is %s %.0f%%).", whatEn, bound, best));
    }
    return b.build(rule.severity().breach(), fi("%s: di luar batas %s %.0f%% (skor 1).", what, upper ? "<=" : ">=", ok),
        f("%s: outside the %s %.0f%% limit (score 1).", whatEn, upper ? "<=" : ">=", ok));
  }
}
