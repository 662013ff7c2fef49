package id.tapak.core.corridor;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Coverage;
import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.rulebook.CheckType;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.Rule;
import id.tapak.core.rulebook.RuleLayers;
import id.tapak.core.rulebook.Rulebook;
import id.tapak.core.rulebook.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Computes the {@link Indicators} of a region from the catalog, judging land exactly as the rulebook does: KPI from
 * the KPI rule's plan classes, hard constraints from the rules that FAIL a site (forbidden overlaps and setbacks,
 * with the setback rule's widths), access from the access rules' layers, classes and {@code max_m}. Overlays run in
 * lon/lat like the checks', buffers in metres in the UTM zone of the region; every area is geodesic.
 * Stateless and thread-safe; the catalog is immutable.
 */
public final class IndicatorEngine {

  private final Catalog catalog;
  private final Rulebook rulebook;
  private final ConformityEngine checks;

  public IndicatorEngine(Catalog catalog, Rulebook rulebook) {
    this.catalog = Objects.requireNonNull(catalog);
    this.rulebook = Objects.requireNonNull(rulebook);
    this.checks = new ConformityEngine(catalog, rulebook);
  }

  public Catalog catalog() {
    return catalog;
  }

  public Rulebook rulebook() {
    return rulebook;
  }

  /** The conformity engine over the same catalog and rulebook (estate audits, candidate-site checks). */
  public ConformityEngine checks() {
    return checks;
  }

  /**
   * The frame of one region. Overlays run in lon/lat, as the checks' KPI and overlap rules do (an edge of the data
   * is straight in lon/lat, as in GeoJSON and PostGIS geometry); only buffers are made in metres, in the UTM zone of
   * the region's centre, and brought back to lon/lat. Areas are geodesic.
   */
  private static final class Frame {
    final GeometryTransform toUtm;
    final GeometryTransform toWgs;
    final Geometry region;

    Frame(Geometry region) {
      var c = region.getEnvelopeInternal().centre();
      int utm = CrsRegistry.utmZoneFor(c.x, c.y);
      this.toUtm = CrsRegistry.transform(CrsRegistry.WGS84, utm);
      this.toWgs = CrsRegistry.transform(utm, CrsRegistry.WGS84);
      this.region = region;
    }

    /** Geodesic hectares of a lon/lat geometry. */
    double ha(@Nullable Geometry g) {
      return g == null || g.isEmpty() ? 0 : GeodesicMeasure.hectares(g);
    }

    /** A lon/lat geometry grown by {@code metres} (in UTM), back in lon/lat. */
    Geometry buffer(Geometry g, double metres) {
      return toWgs.apply(toUtm.apply(g).buffer(metres, 8));
    }

    /** The polygonal part of (∪ parts) ∩ region. */
    Geometry clip(List<Geometry> parts) {
      if (parts.isEmpty()) {
        return empty();
      }
      return polygonal(OverlayNGRobust.overlay(union(parts), region, OverlayNG.INTERSECTION));
    }
  }

  static Geometry empty() {
    return GeoJson.FACTORY.createPolygon();
  }

  public static Geometry union(List<Geometry> parts) {
    if (parts.isEmpty()) {
      return empty();
    }
    return polygonal(OverlayNGRobust.union(GeoJson.FACTORY.buildGeometry(parts)));
  }

  public static Geometry intersection(Geometry a, Geometry b) {
    return a.isEmpty() || b.isEmpty() ? empty() : polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
  }

  static Geometry difference(Geometry a, Geometry b) {
    return a.isEmpty() || b.isEmpty() ? a : polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
  }

  /** Only the areal parts: overlays of touching polygons can leave lines and points, which have no hectares. */
  public static Geometry polygonal(Geometry g) {
    if (g instanceof Polygonal || g.isEmpty()) {
      return g;
    }
    List<Geometry> polys = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygonal p) {
        polys.add((Geometry) p);
      }
    }
    return polys.isEmpty() ? empty() : GeoJson.FACTORY.buildGeometry(polys);
  }

  /** Features of the given roles touching the region (lon/lat), filtered by the rule's classes. */
  private List<Geometry> features(Frame fr, List<LayerRole> roles, List<String> classes, boolean polygonsOnly) {
    List<Geometry> out = new ArrayList<>();
    for (Layer l : layers(roles)) {
      for (Feature f : l.intersecting(fr.region)) {
        if ((!polygonsOnly || f.geometry() instanceof Polygonal) && RuleLayers.accepts(l, f, classes)) {
          out.add(f.geometry());
        }
      }
    }
    return out;
  }

  private List<Layer> layers(List<LayerRole> roles) {
    List<Layer> out = new ArrayList<>();
    for (LayerRole r : roles) {
      out.addAll(catalog.layers(r));
    }
    return out;
  }

  /**
   * Where the layers of the given roles say something, in lon/lat and clipped to the region: the union of their
   * coverages (a declared area, or the layer's own polygons for complete covers). No layer: nowhere.
   */
  private Geometry coverage(Frame fr, List<Layer> layers) {
    List<Geometry> parts = new ArrayList<>();
    for (Layer l : layers) {
      Coverage c = catalog.coverage(l);
      switch (c.kind()) {
        case AREA -> parts.add(c.area());
        case FEATURES -> {
          for (Feature f : l.intersecting(fr.region)) {
            if (f.geometry() instanceof Polygonal) {
              parts.add(f.geometry());
            }
          }
        }
        case UNKNOWN -> { }
      }
    }
    return fr.clip(parts);
  }

  /**
   * Where the given layers say something inside {@code region} (lon/lat): the union of their declared coverages,
   * clipped to the region. Public for the EIP view, which judges "none found" exactly as the corridor figures do.
   */
  public Geometry coverage(Geometry region, List<Layer> layers) {
    return coverage(new Frame(region), layers);
  }

  /** A lon/lat geometry grown by {@code metres} in the UTM zone of its centre, back in lon/lat. */
  public static Geometry bufferMetres(Geometry lonLat, double metres) {
    return new Frame(lonLat).buffer(lonLat, metres);
  }

  private boolean anyUnknownCoverage(List<Layer> layers) {
    return layers.stream().anyMatch(l -> catalog.coverage(l).kind() == Coverage.Kind.UNKNOWN);
  }

  private @Nullable Rule first(CheckType type) {
    return rulebook.rules().stream().filter(r -> r.check() == type).findFirst().orElse(null);
  }

  /** The indicators of one region. */
  public Indicators compute(Corridor.Region region) {
    return evaluate(region).indicators();
  }

  /**
   * The indicators of a region with the land behind them (lon/lat), for the suitability grid.
   *
   * @param indicators the figures
   * @param free the free KPI: KPI minus estates and every hard constraint found
   * @param assessed where every constraint layer covers (free land there is free for sure)
   */
  record Evaluation(Indicators indicators, Geometry free, Geometry assessed) {}

  Evaluation evaluate(Corridor.Region region) {
    Frame fr = new Frame(region.geometry());
    List<LocalizedText> notes = new ArrayList<>();
    double areaHa = fr.ha(fr.region);

    // the plan: where it speaks, and its KPI (the KPI rule's classes)
    List<LayerRole> planRoles = List.of(LayerRole.SPATIAL_PLAN, LayerRole.DETAIL_PLAN);
    List<Layer> planLayers = layers(planRoles);
    Geometry planCover = coverage(fr, planLayers);
    double planCoveredHa = fr.ha(planCover);
    Rule kpiRule = first(CheckType.KPI_ALLOCATION);
    Geometry kpi = kpiRule == null ? empty() : fr.clip(features(fr, planRoles, kpiRule.classes(), true));
    double kpiHa = fr.ha(kpi);
    if (planLayers.isEmpty()) {
      notes.add(LocalizedText.of("Tidak ada layer rencana tata ruang: KPI tidak dapat dinilai.",
          "No spatial-plan layer: KPI cannot be assessed."));
    } else if (areaHa - planCoveredHa > 0.01 * areaHa) {
      notes.add(LocalizedText.of(Num.id("Rencana tata ruang tidak mencakup %s ha dari wilayah ini: KPI di sana tidak "
          + "diketahui.", areaHa - planCoveredHa), Num.en("The spatial plan does not cover %s ha of this region: its "
          + "KPI there is unknown.", areaHa - planCoveredHa)));
    }

    Geometry operating = fr.clip(features(fr, List.of(LayerRole.ESTATE), List.of(), true));
    Geometry planned = fr.clip(features(fr, List.of(LayerRole.PLANNED_ESTATE), List.of(), true));

    // hard constraints: every rule that FAILs a site for overlapping land (LP2B, protected…) or a setback
    List<Indicators.Constraint> constraints = new ArrayList<>();
    List<Geometry> taken = new ArrayList<>(List.of(operating, planned));
    Geometry allCovered = kpi;
    for (Rule r : rulebook.rules()) {
      if (r.severity() != Severity.FAIL || r.roles().isEmpty()
          || r.check() != CheckType.FORBIDDEN_OVERLAP && r.check() != CheckType.SETBACK) {
        continue;
      }
      if (r.roles().contains(LayerRole.ESTATE) || r.roles().contains(LayerRole.PLANNED_ESTATE)) {
        continue; // estates are counted as taken above, not as a constraint
      }
      List<Layer> ls = layers(r.roles());
      Geometry g = r.check() == CheckType.SETBACK ? setbacks(fr, r, ls)
          : fr.clip(union2(features(fr, r.roles(), List.of(), true), planClassed(fr, r)));
      Geometry cover = coverage(fr, ls);
      Geometry kpiCovered = intersection(kpi, cover);
      allCovered = intersection(allCovered, cover);
      double inKpi = fr.ha(intersection(kpi, g));
      double assessed = fr.ha(kpiCovered);
      constraints.add(new Indicators.Constraint(r.id(), r.title(), r.citation().text(), inKpi, assessed,
          Math.max(0, kpiHa - assessed)));
      taken.add(g);
      if (ls.isEmpty()) {
        notes.add(LocalizedText.of("Tidak ada layer untuk aturan " + r.id() + ": KPI bebas adalah batas atas.",
            "No layer for rule " + r.id() + ": the free KPI is an upper bound."));
      }
    }
    Geometry takenUnion = union(taken);
    Geometry free = difference(kpi, takenUnion);
    double freeHa = fr.ha(free);
    double freeAssessed = fr.ha(intersection(free, allCovered));

    List<Indicators.Access> access = new ArrayList<>();
    for (Rule r : rulebook.rules()) {
      if (r.check() != CheckType.ACCESS) {
        continue;
      }
      double maxM = r.threshold("max_m");
      List<Layer> ls = layers(r.roles());
      List<Geometry> near = new ArrayList<>();
      var env = new org.locationtech.jts.geom.Envelope(fr.region.getEnvelopeInternal());
      env.expandBy(maxM / 100_000.0 * 1.2 + 0.01); // ≥ maxM in degrees at these latitudes, for the candidate search
      for (Layer l : ls) {
        for (Feature f : l.candidates(env)) {
          if (RuleLayers.accepts(l, f, r.classes())) {
            near.add(fr.buffer(f.geometry(), maxM));
          }
        }
      }
      double within = free.isEmpty() || near.isEmpty() ? 0 : fr.ha(intersection(free, union(near)));
      access.add(new Indicators.Access(r.id(), r.title(), maxM, within,
          freeHa > 0 ? 100.0 * within / freeHa : null, ls.isEmpty() || anyUnknownCoverage(ls)));
    }

    List<Indicators.EstateStatus> estates = new ArrayList<>();
    for (Layer l : catalog.layers(LayerRole.ESTATE)) {
      for (Feature f : l.intersecting(region.geometry())) {
        if (!(f.geometry() instanceof Polygonal)
            || !region.geometry().contains(f.geometry().getInteriorPoint())) {
          continue; // each estate in the one region holding its interior point
        }
        String name = RuleLayers.name(l, f);
        ConformityReport rep = checks.check(new Proposal(name, Proposal.Kind.NEW, null, f.geometry(), List.of(), null,
            null, null, null, l.id() + "/" + f.id(), List.of()), l.id() + "-" + f.id());
        String ikm = rep.findings().stream().filter(x -> rulebook.rule(x.ruleId()).map(rr -> rr.check()
            == CheckType.IKM_LAND).orElse(false)).map(x -> x.status().name()).findFirst().orElse(null);
        estates.add(new Indicators.EstateStatus(f.id(), name, rep.siteHa(), rep.verdict().name(), ikm));
      }
    }
    // every layer read, and how much of the region its coverage holds
    List<Indicators.LayerCoverage> coverage = new ArrayList<>();
    for (Layer l : catalog.layers()) {
      if (l.role() == LayerRole.ADMIN) {
        continue;
      }
      double covered = fr.ha(coverage(fr, List.of(l)));
      coverage.add(new Indicators.LayerCoverage(l.id(), l.role().wireName(), catalog.coverage(l).description(),
          covered, areaHa > 0 ? Math.min(100, 100 * covered / areaHa) : 0));
    }
    Indicators ind = new Indicators(region.code(), region.name(), areaHa, planCoveredHa,
        Math.max(0, areaHa - planCoveredHa), kpiHa, fr.ha(operating), fr.ha(intersection(kpi, operating)),
        fr.ha(planned), fr.ha(intersection(kpi, planned)), constraints, freeHa, freeAssessed,
        Math.max(0, freeHa - freeAssessed), access, estates, notes, coverage);
    return new Evaluation(ind, free, allCovered);
  }

  private static List<Geometry> union2(List<Geometry> a, List<Geometry> b) {
    List<Geometry> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Spatial-plan polygons whose class is one of the rule's classes (plan classes that are LP2B or protected). */
  private List<Geometry> planClassed(Frame fr, Rule r) {
    if (r.classes().isEmpty()) {
      return List.of();
    }
    List<Geometry> out = new ArrayList<>();
    for (Layer l : layers(List.of(LayerRole.SPATIAL_PLAN, LayerRole.DETAIL_PLAN))) {
      for (Feature f : l.intersecting(fr.region)) {
        if (f.geometry() instanceof Polygonal && RuleLayers.matches(RuleLayers.className(l, f), r.classes())) {
          out.add(f.geometry());
        }
      }
    }
    return out;
  }

  /** The setback zones of the water features near the region, each as wide as the setback rule says. */
  private Geometry setbacks(Frame fr, Rule r, List<Layer> ls) {
    double max = r.thresholds().values().stream().mapToDouble(t -> t.value()).max().orElse(0);
    var env = new org.locationtech.jts.geom.Envelope(fr.region.getEnvelopeInternal());
    env.expandBy(max / 100_000.0 * 1.2 + 0.001);
    List<Geometry> zones = new ArrayList<>();
    for (Layer l : ls) {
      for (Feature f : l.candidates(env)) {
        double w = RuleLayers.setbackMetres(r, l, f);
        if (w > 0) {
          zones.add(fr.buffer(f.geometry(), w));
        } else if (f.geometry() instanceof Polygonal) {
          zones.add(f.geometry());
        }
      }
    }
    return fr.clip(zones);
  }

  /** Number formats for messages: Indonesian (18,59) and English (18.59). */
  static final class Num {
    private Num() {}

    static String id(String pattern, double ha) {
      return String.format(pattern, String.format(Locale.forLanguageTag("id-ID"), "%,.2f", ha));
    }

    static String en(String pattern, double ha) {
      return String.format(pattern, String.format(Locale.ROOT, "%,.2f", ha));
    }
  }
}
