package id.tapak.core.eip;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.corridor.IndicatorEngine;
import id.tapak.core.eip.EipReport.Dimension;
import id.tapak.core.eip.EipReport.Indicator;
import id.tapak.core.eip.EipReport.NotComputable;
import id.tapak.core.eip.EipReport.Status;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.rulebook.CheckType;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.Rule;
import id.tapak.core.rulebook.RuleLayers;
import id.tapak.core.rulebook.Rulebook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Computes the {@link EipReport}: each estate polygon is checked as {@code tapak audit} checks it (the rulebook's
 * access, separation, setback and overlap findings, with their coverage), and ringed by a buffer in which the
 * settlement, protected and water land of the rulebook's own layers and classes is measured. A figure whose layers
 * do not cover the ring is a lower bound, or UNKNOWN when nothing was found (absence of data is not evidence).
 * Buffers are made in metres in the UTM zone of the estate; overlays in lon/lat; areas and lengths are geodesic.
 * Stateless; the catalog is immutable.
 */
public final class EipEngine {

  /** Default buffer when the rulebook has no separation rule: 2 km (the settlement-distance rule's usual min_m). */
  public static final double DEFAULT_BUFFER_M = 2000;
  /** Bounds of the buffer setting, metres. */
  public static final double MIN_BUFFER_M = 100;
  public static final double MAX_BUFFER_M = 20_000;

  /**
   * A ring at least this share covered (%) counts as covered: rings reach into the sea, which no kabupaten polygon
   * covers, and simplified admin edges leave slivers. The covered share is reported with every figure.
   */
  static final double COVERED_PCT = 99.0;

  static final String IEP = "International Framework for Eco-Industrial Parks v2.0 (World Bank/UNIDO/GIZ 2021)";
  private static final String IEP_NATURE = IEP + ", natural environment and climate resilience [R]";
  private static final String IEP_ZONING = IEP + ", planning and zoning [R]";
  private static final String IEP_SOCIAL = IEP + ", social performance [R]";

  private final Catalog catalog;
  private final Rulebook rulebook;
  private final IndicatorEngine corridor;

  public EipEngine(Catalog catalog, Rulebook rulebook) {
    this.catalog = Objects.requireNonNull(catalog);
    this.rulebook = Objects.requireNonNull(rulebook);
    this.corridor = new IndicatorEngine(catalog, rulebook);
  }

  /** The default buffer: the min_m of the rulebook's first separation rule (settlement distance), else 2 km. */
  public double defaultBufferM() {
    return rulebook.rules().stream().filter(r -> r.check() == CheckType.SEPARATION).findFirst()
        .map(r -> r.threshold("min_m")).orElse(DEFAULT_BUFFER_M);
  }

  /** The estates the view covers, counted for progress. */
  public int estateCount() {
    int n = 0;
    for (Layer l : estateLayers()) {
      int[] polygons = {0};
      l.scan(f -> {
        if (f.geometry() instanceof Polygonal) {
          polygons[0]++;
        }
        return true;
      });
      n += polygons[0];
    }
    return n;
  }

  private List<Layer> estateLayers() {
    List<Layer> out = new ArrayList<>(catalog.layers(LayerRole.ESTATE));
    out.addAll(catalog.layers(LayerRole.PLANNED_ESTATE));
    return out;
  }

  /** The view with a buffer of {@code bufferM} metres, telling {@code progress} how many estates are done. */
  public EipReport compute(double bufferM, IntConsumer progress) {
    if (!(bufferM >= MIN_BUFFER_M && bufferM <= MAX_BUFFER_M)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "buffer_m must be %.0f to %.0f m, got %s",
          MIN_BUFFER_M, MAX_BUFFER_M, bufferM));
    }
    long t0 = System.nanoTime();
    List<EipReport.Estate> out = new ArrayList<>();
    for (Layer l : estateLayers()) {
      l.scan(f -> {
        if (f.geometry() instanceof Polygonal) {
          out.add(estate(l, f, bufferM));
          progress.accept(out.size());
        }
        return true;
      });
    }
    return new EipReport(bufferM, out, Instant.now(), (System.nanoTime() - t0) / 1_000_000);
  }

  EipReport.Estate estate(Layer l, Feature f, double bufferM) {
    String name = RuleLayers.name(l, f);
    Geometry site = f.geometry();
    ConformityReport rep = corridor.checks().check(new Proposal(name, Proposal.Kind.NEW, null, site, List.of(), null,
        null, null, null, l.id() + "/" + f.id(), List.of()), l.id() + "-" + f.id());
    Map<Dimension, List<Indicator>> ind = new EnumMap<>(Dimension.class);
    Map<Dimension, List<NotComputable>> not = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      ind.put(d, new ArrayList<>());
      not.put(d, new ArrayList<>());
    }
    ind.get(Dimension.MANAGEMENT).add(new Indicator("site-area", LocalizedText.of("Luas kawasan", "Estate area"),
        round(rep.siteHa(), 4), "ha", Status.MEASURED, null, LocalizedText.of("poligon kawasan (geodesik, WGS84)",
        "the estate polygon (geodesic, WGS84)"), EipReport.ARTICLE, LocalizedText.of(quality(f, true),
        quality(f, false))));
    for (Finding x : rep.findings()) {
      Rule r = rulebook.rule(x.ruleId()).orElse(null);
      Dimension d = r == null ? null : dimension(r);
      if (d != null) {
        ind.get(d).add(fromFinding(x, r));
      }
    }
    Geometry ring = ring(site, bufferM);
    double ringHa = GeodesicMeasure.hectares(ring);
    String km = fmt(bufferM / 1000, 1, true);
    String kmEn = fmt(bufferM / 1000, 1, false);
    Rule sep = first(CheckType.SEPARATION);
    if (sep != null) {
      ind.get(Dimension.SOCIAL).add(within("settlement-within-buffer", LocalizedText.of("Permukiman dalam " + km
          + " km dari batas kawasan", "Settlement within " + kmEn + " km of the boundary"), ring, ringHa, sep,
          sep.citation().text() + "; " + IEP_SOCIAL));
    }
    for (Rule r : rulebook.rules()) {
      if (r.check() == CheckType.FORBIDDEN_OVERLAP && r.roles().contains(LayerRole.PROTECTED)) {
        ind.get(Dimension.ENVIRONMENT).add(within("protected-within-buffer", LocalizedText.of("Kawasan lindung dalam "
            + km + " km dari batas kawasan", "Protected land within " + kmEn + " km of the boundary"), ring, ringHa, r,
            r.citation().text() + "; " + IEP_NATURE));
      }
    }
    Rule setback = first(CheckType.SETBACK);
    if (setback != null) {
      ind.get(Dimension.ENVIRONMENT).addAll(water(ring, ringHa, setback, km, kmEn));
    }
    LocalizedText noPlan = LocalizedText.of("tidak dapat dihitung: tidak ada masterplan (rencana tapak) kawasan",
        "not computable: no masterplan of the estate");
    not.get(Dimension.MANAGEMENT).add(new NotComputable("zoning-masterplan", LocalizedText.of(
        "Zonasi internal sesuai prinsip EIP", "Internal zoning by EIP principles"), noPlan, IEP_ZONING));
    not.get(Dimension.MANAGEMENT).add(new NotComputable("management-entity", LocalizedText.of(
        "Badan pengelola, pemantauan dan pelaporan kawasan", "Park management entity, monitoring and reporting"),
        noData("organisasi pengelola", "the management organisation"), EipReport.ARTICLE + "; " + IEP));
    not.get(Dimension.ENVIRONMENT).add(new NotComputable("green-space-share", LocalizedText.of("Porsi ruang terbuka "
        + "hijau (RTH)", "Green open space (RTH) share"), noPlan, "Permenperin 26/2025 Lampiran (RTH > 15% / 10-15%); "
        + IEP_NATURE));
    not.get(Dimension.ENVIRONMENT).add(new NotComputable("wastewater-outlet", LocalizedText.of(
        "Jarak ke titik pembuangan air limbah", "Distance to a wastewater discharge point"), LocalizedText.of(
        "tidak dapat dihitung: proyek tidak memiliki layer titik pembuangan air limbah",
        "not computable: the project has no wastewater discharge-point layer"), "PP 20/2024 Art. 38(3)(f)"));
    for (String[] e : new String[][] {{"energy", "Energi", "Energy"}, {"waste", "Limbah dan material",
        "Waste and materials"}, {"climate", "Perubahan iklim", "Climate change"}}) {
      not.get(Dimension.ENVIRONMENT).add(new NotComputable(e[0], LocalizedText.of(e[1], e[2]),
          noData("data kinerja lingkungan kawasan", "the estate's environmental performance data"),
          EipReport.ARTICLE));
    }
    not.get(Dimension.SOCIAL).add(new NotComputable("social-management-system", LocalizedText.of(
        "Sistem manajemen sosial", "Social management system"), noData("sistem manajemen sosial",
        "a social management system"), EipReport.ARTICLE + "; " + IEP_SOCIAL));
    not.get(Dimension.SOCIAL).add(new NotComputable("social-infrastructure", LocalizedText.of(
        "Infrastruktur sosial (hunian pekerja, kesehatan, pelatihan)", "Social infrastructure (worker housing, health, "
        + "training)"), LocalizedText.of("tidak dapat dihitung: proyek tidak memiliki layer fasilitas sosial",
        "not computable: the project has no social-facility layer"), EipReport.ARTICLE + "; " + IEP_SOCIAL));
    not.get(Dimension.ECONOMIC).add(new NotComputable("jobs", LocalizedText.of("Penyerapan tenaga kerja",
        "Employment"), noData("data tenaga kerja", "employment data"), EipReport.ARTICLE));
    not.get(Dimension.ECONOMIC).add(new NotComputable("economic-value", LocalizedText.of("Nilai ekonomi",
        "Economic value"), noData("data nilai tambah", "value-added data"), EipReport.ARTICLE));
    not.get(Dimension.ECONOMIC).add(new NotComputable("ikm-access", LocalizedText.of("Akses bagi IKM (lahan IKM)",
        "Access for small and medium industry (IKM land)"), noPlan, "PP 20/2024 Art. 59, Art. 79"));
    List<EipReport.Group> groups = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      groups.add(new EipReport.Group(d, ind.get(d), not.get(d)));
    }
    String role = l.role() == LayerRole.PLANNED_ESTATE ? "planned-estate" : "estate";
    return new EipReport.Estate(l.id(), role, f.id(), name, round(rep.siteHa(), 4), f.text("geometry_quality"),
        f.text("sumber"), rep.verdict().name(), groups);
  }

  /** Which Art. 79 dimension a rule's finding informs, or null when it says nothing about it. */
  static @Nullable Dimension dimension(Rule r) {
    return switch (r.check()) {
      case KPI_ALLOCATION -> Dimension.MANAGEMENT;
      case SEPARATION -> Dimension.SOCIAL;
      case SETBACK -> Dimension.ENVIRONMENT;
      case FORBIDDEN_OVERLAP -> r.roles().contains(LayerRole.ESTATE) ? null : Dimension.ENVIRONMENT;
      // raw water and gas are the estate's resource and energy supply (Art. 79: energy, raw water); the rest is
      // the shared logistics infrastructure behind its economic value
      case ACCESS -> r.roles().contains(LayerRole.WATER) || r.roles().contains(LayerRole.GAS) ? Dimension.ENVIRONMENT
          : Dimension.ECONOMIC;
      default -> null;
    };
  }

  private static Indicator fromFinding(Finding x, Rule r) {
    Double v = x.measured();
    String unit = x.unit();
    if (v == null && r.check() == CheckType.ACCESS && x.status() == id.tapak.core.rulebook.Status.PASS) {
      v = 0.0; // the feature crosses or lies inside the site (the access check's only PASS without a distance)
      unit = "m";
    }
    if (x.conflictHa() != null) {
      v = x.conflictHa();
      unit = "ha";
    }
    Status s = switch (x.status()) {
      // an area found is at least that large; a distance found is at most that far (a nearer one may be unmapped)
      case NOT_ASSESSED -> v == null || v == 0 ? Status.UNKNOWN : "m".equals(unit) ? Status.UPPER_BOUND
          : Status.LOWER_BOUND;
      default -> Status.MEASURED;
    };
    if (s == Status.UNKNOWN) {
      v = null;
    } else if (v == null && x.status() != id.tapak.core.rulebook.Status.NOT_ASSESSED) {
      // "none within the limit" on covering layers: a breach or a pass with no distance to give
      unit = null;
    }
    LocalizedText cov = x.reason() != null ? x.reason() : x.unassessedHa() != null
        ? LocalizedText.of(String.format(Locale.forLanguageTag("id-ID"), "tercakup %,.2f ha, tidak tercakup %,.2f ha",
            x.assessedHa(), x.unassessedHa()), String.format(Locale.ROOT, "covered %,.2f ha, not covered %,.2f ha",
            x.assessedHa(), x.unassessedHa()))
        : LocalizedText.of("layer aturan mencakup seluruh area yang diperiksa",
            "the rule's layers cover the whole area checked");
    return new Indicator(x.ruleId(), x.title(), v, unit, s, x.status().name(), cov, x.citation().text(), x.message());
  }

  /** The ring between the estate's boundary and {@code bufferM} metres out (lon/lat). */
  static Geometry ring(Geometry site, double bufferM) {
    return IndicatorEngine.polygonal(OverlayNGRobust.overlay(IndicatorEngine.bufferMetres(site, bufferM), site,
        OverlayNG.DIFFERENCE));
  }

  /**
   * Hectares of a rule's land within the ring, reading the layers as the rule's check does: a separation rule
   * (settlement) takes the features of its layers that match its classes; a forbidden-overlap rule (protected land)
   * every feature of its layers plus the plan polygons of its classes. A plan layer speaks for the rule (counts for
   * coverage) only when it has one of the rule's classes somewhere.
   */
  private Indicator within(String id, LocalizedText title, Geometry ring, double ringHa, Rule r, String citation) {
    boolean overlap = r.check() == CheckType.FORBIDDEN_OVERLAP;
    List<Layer> layers = layers(r.roles());
    if (!r.classes().isEmpty()) {
      layers.removeIf(l -> plan(l) && !hasClass(l, r.classes()));
      if (overlap) {
        for (Layer l : layers(List.of(LayerRole.SPATIAL_PLAN, LayerRole.DETAIL_PLAN))) {
          if (!r.roles().contains(l.role()) && hasClass(l, r.classes())) {
            layers.add(l);
          }
        }
      }
    }
    List<Geometry> parts = new ArrayList<>();
    for (Layer l : layers) {
      for (Feature f : l.intersecting(ring)) {
        boolean counts = overlap ? !plan(l) || r.roles().contains(l.role())
            || RuleLayers.matches(RuleLayers.className(l, f), r.classes()) : RuleLayers.accepts(l, f, r.classes());
        if (f.geometry() instanceof Polygonal && counts) {
          parts.add(f.geometry());
        }
      }
    }
    double ha = parts.isEmpty() ? 0
        : GeodesicMeasure.hectares(IndicatorEngine.intersection(IndicatorEngine.union(parts), ring));
    return measured(id, title, ha, "ha", ring, ringHa, layers, citation);
  }

  private static boolean hasClass(Layer l, List<String> classes) {
    return l.anyMatch(f -> RuleLayers.matches(RuleLayers.className(l, f), classes));
  }

  /** Water polygons (ha) and water lines (km: rivers, coast) within the ring, from the setback rule's layers. */
  private List<Indicator> water(Geometry ring, double ringHa, Rule setback, String km, String kmEn) {
    List<Layer> layers = layers(setback.roles());
    List<Geometry> polys = new ArrayList<>();
    double lengthM = 0;
    for (Layer l : layers) {
      for (Feature f : l.intersecting(ring)) {
        if (f.geometry() instanceof Polygonal) {
          polys.add(f.geometry());
        } else if (f.geometry() instanceof Lineal) {
          lengthM += GeodesicMeasure.lengthMetres(OverlayNGRobust.overlay(f.geometry(), ring,
              OverlayNG.INTERSECTION));
        }
      }
    }
    double ha = polys.isEmpty() ? 0 : GeodesicMeasure.hectares(IndicatorEngine.intersection(IndicatorEngine.union(polys), ring));
    String cite = setback.citation().text() + "; " + IEP_NATURE;
    return List.of(
        measured("water-lines-within-buffer", LocalizedText.of("Sungai dan garis pantai dalam " + km + " km",
            "Rivers and coastline within " + kmEn + " km"), round(lengthM / 1000, 3), "km", ring, ringHa, layers, cite),
        measured("water-area-within-buffer", LocalizedText.of("Badan air dalam " + km + " km",
            "Water bodies within " + kmEn + " km"), ha, "ha", ring, ringHa, layers, cite));
  }

  /** A figure measured in the ring, judged by how much of the ring the layers cover. */
  private Indicator measured(String id, LocalizedText title, double value, String unit, Geometry ring, double ringHa,
      List<Layer> layers, String citation) {
    double covered = layers.isEmpty() ? 0 : GeodesicMeasure.hectares(corridor.coverage(ring, layers));
    double share = ringHa > 0 ? Math.min(100, 100 * covered / ringHa) : 0;
    boolean whole = share >= COVERED_PCT;
    String ids = layers.isEmpty() ? "-" : String.join(", ", layers.stream().map(Layer::id).toList());
    LocalizedText cov = LocalizedText.of("layer " + ids + " mencakup " + fmt(share, 1, true) + "% dari cincin "
        + fmt(ringHa, 2, true) + " ha", "layers " + ids + " cover " + fmt(share, 1, false) + "% of the "
        + fmt(ringHa, 2, false) + " ha ring");
    if (value > 0) {
      return new Indicator(id, title, round(value, 4), unit, whole ? Status.MEASURED : Status.LOWER_BOUND, null, cov,
          citation, whole ? LocalizedText.of("Terukur.", "Measured.") : LocalizedText.of(
              "Batas bawah: sebagian cincin tidak tercakup data.", "A lower bound: part of the ring has no data."));
    }
    if (whole) {
      return new Indicator(id, title, 0.0, unit, Status.MEASURED, null, cov, citation, LocalizedText.of(
          "Tidak ada, pada layer yang mencakup seluruh cincin.", "None, on layers covering the whole ring."));
    }
    return new Indicator(id, title, null, unit, Status.UNKNOWN, null, cov, citation, layers.isEmpty()
        ? LocalizedText.of("Tidak diketahui: tidak ada layer.", "Unknown: no layer.")
        : LocalizedText.of("Tidak diketahui: tidak ditemukan, tetapi data tidak mencakup seluruh cincin; ketiadaan "
            + "data bukan bukti.", "Unknown: none found, but the data do not cover the whole ring; absence of data "
            + "is not evidence."));
  }

  private static boolean plan(Layer l) {
    return l.role() == LayerRole.SPATIAL_PLAN || l.role() == LayerRole.DETAIL_PLAN;
  }

  private List<Layer> layers(List<LayerRole> roles) {
    List<Layer> out = new ArrayList<>();
    for (LayerRole r : roles) {
      out.addAll(catalog.layers(r));
    }
    return out;
  }

  private @Nullable Rule first(CheckType type) {
    return rulebook.rules().stream().filter(r -> r.check() == type).findFirst().orElse(null);
  }

  private static String quality(Feature f, boolean id) {
    String q = f.text("geometry_quality");
    if (q == null) {
      return id ? "Luas dari poligon layer." : "Area of the layer's polygon.";
    }
    return id ? "Geometri: " + q + " (luas hanya perkiraan bila skematik)."
        : "Geometry: " + q + " (the area is only approximate when schematic).";
  }

  private static LocalizedText noData(String what, String whatEn) {
    return LocalizedText.of("tidak dapat dihitung secara spasial: memerlukan " + what + ", bukan data peta",
        "not computable from maps: needs " + whatEn + ", not spatial data");
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  private static String fmt(double v, int places, boolean indonesian) {
    return String.format(indonesian ? Locale.forLanguageTag("id-ID") : Locale.ROOT, "%,." + places + "f", v);
  }
}
