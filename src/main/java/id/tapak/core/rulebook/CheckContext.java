package id.tapak.core.rulebook;

import id.tapak.core.model.Budget;
import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Coverage;
import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.CellClips;
import id.tapak.core.geo.CoverageCells;
import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.geo.PolygonUnion;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * What every evaluator of one check needs: the proposal, the catalog, the site in lon/lat and in its UTM zone (for
 * buffers and gap distances in metres), and the class and name conventions of layers. Created per check and used by
 * one thread (the proj4j transforms keep scratch state); areas are always measured geodesically in lon/lat.
 */
final class CheckContext {

  private static final String[] NAME_FIELDS = {"name", "nama", "NAMOBJ", "NAMA", "Name", "REMARK", "region"};
  private static final String[] PLAN_FIELDS = {"NAMOBJ", "KODZON", "NAMZON", "ORDE02"};

  final Proposal proposal;
  final Catalog catalog;
  final Geometry site;
  final double siteHa;
  private final GeometryTransform toUtm;
  private final GeometryTransform toWgs;
  private @Nullable Geometry siteUtm;
  /** Every layer an evaluator read, in first-use order: the report's "data used". */
  final java.util.Set<Layer> used = new java.util.LinkedHashSet<>();

  // What the rules of one check ask of the layers, asked once and shared by every rule (docs/benchmarks.md, scale
  // (c)): 25 rules asked the same plan layer for the features at the site up to seven times, and overlaid and united
  // the same pieces again for each. Keyed by identity (the site, a search area from aroundPolygon, a layer, a
  // feature of a memoised answer), so a value is only reused for the very same question within this check; a new
  // check starts empty, so an edit of a live layer is seen by the next check. Each list is the layer's own answer,
  // in layer order, so every rule sees exactly what it saw when it asked the layer itself.
  private final Map<Geometry, Map<Layer, List<Feature>>> hits = new IdentityHashMap<>();
  private final Map<Geometry, Map<Feature, Geometry>> pieces = new IdentityHashMap<>();
  private final Map<Geometry, PreparedGeometry> preparedTargets = new IdentityHashMap<>();
  private final CellClips clips;
  private final CoverageCells cells;
  private final Map<Geometry, Map<List<Layer>, Assessment>> assessments = new IdentityHashMap<>();
  private final Map<Geometry, Map<List<Layer>, Double>> coveredAreas = new IdentityHashMap<>();
  private final Map<Double, Geometry> areas = new HashMap<>();

  CheckContext(Proposal proposal, Catalog catalog) {
    this(proposal, catalog, new CellClips());
  }

  private CheckContext(Proposal proposal, Catalog catalog, CellClips clips) {
    this(proposal, catalog, clips, new CoverageCells(clips));
  }

  /**
   * @param clips the engine's cuts of large polygons around recent sites, shared by its checks
   * @param cells the engine's coverage of the areas around recent sites by cell, shared by its checks
   */
  CheckContext(Proposal proposal, Catalog catalog, CellClips clips, CoverageCells cells) {
    this.proposal = proposal;
    this.catalog = catalog;
    this.clips = clips;
    this.cells = cells;
    this.site = proposal.site();
    this.siteHa = GeodesicMeasure.hectares(site);
    Point c = site.getCentroid();
    int utm = CrsRegistry.utmZoneFor(c.getX(), c.getY());
    this.toUtm = CrsRegistry.transform(CrsRegistry.WGS84, utm);
    this.toWgs = CrsRegistry.transform(utm, CrsRegistry.WGS84);
  }

  /** A copy in the site's UTM zone, metres. */
  Geometry utm(Geometry g) {
    return toUtm.apply(g);
  }

  /** Back from the site's UTM zone to lon/lat. */
  Geometry wgs(Geometry g) {
    return toWgs.apply(g);
  }

  Geometry siteUtm() {
    if (siteUtm == null) {
      siteUtm = utm(site);
    }
    return siteUtm;
  }

  /** Loaded layers of any of the roles, in rule-role then project order; recorded as used. */
  List<Layer> layers(List<LayerRole> roles) {
    List<Layer> out = new ArrayList<>();
    for (LayerRole r : roles) {
      out.addAll(catalog.layers(r));
    }
    used.addAll(out);
    return out;
  }

  /** "no layer with role farmland or protected is loaded" in both languages. */
  static LocalizedText missing(List<LayerRole> roles) {
    String names = String.join(" / ", roles.stream().map(LayerRole::wireName).toList());
    return LocalizedText.of("tidak ada layer dengan peran " + names + " yang dimuat; aturan tidak dapat dinilai",
        "no layer with role " + names + " is loaded; the rule cannot be assessed");
  }

  /**
   * The part of the site the layers' coverage speaks for.
   *
   * @param covered the covered part of the site, lon/lat (possibly empty)
   * @param coveredHa its geodesic hectares
   * @param unassessedHa hectares of the site outside every layer's coverage
   * @param layers the layers asked
   */
  record Assessment(Geometry covered, double coveredHa, double unassessedHa, List<Layer> layers) {
    boolean whole(double toleranceHa) {
      return unassessedHa <= toleranceHa;
    }

    /** Why the part outside coverage was not assessed, naming each layer (what each covers is in "data used"). */
    LocalizedText reason(CheckContext ctx) {
      String ls = String.join(", ", layers.stream().map(Layer::id).distinct().toList());
      if (coveredHa <= 0) {
        return LocalizedText.of("tapak di luar cakupan layer " + ls + "; ketiadaan objek di sana bukan bukti",
            "the site lies outside the coverage of layer " + ls + "; no feature there is no evidence");
      }
      return LocalizedText.of(PlanChecks.fi("%.2f ha dari %.2f ha tapak di luar cakupan layer %s", unassessedHa,
          coveredHa + unassessedHa, ls), PlanChecks.f("%.2f ha of the %.2f ha site lie outside the coverage of layer %s",
          unassessedHa, coveredHa + unassessedHa, ls));
    }
  }

  /**
   * The union of polygonal pieces, an empty polygon when there are none: a coverage union where the pieces tile
   * (the pieces of one site cut by a plan's polygons usually do), else the robust one ({@link PolygonUnion}).
   */
  Geometry union(List<Geometry> pieces) {
    return PolygonUnion.of(pieces, site.getFactory());
  }

  /**
   * The part of the site covered by the features of these layers that {@code keep} accepts: geometry (lon/lat),
   * geodesic hectares and the features' names in first-seen order.
   */
  record Overlap(Geometry geometry, double ha, java.util.Set<String> names) {}

  Overlap overlap(List<Layer> layers, java.util.function.BiPredicate<Layer, Feature> keep) {
    List<Geometry> pieces = new ArrayList<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (Layer l : layers) {
      for (Feature f : intersecting(l, site)) {
        Budget.checkpoint();
        if (!keep.test(l, f)) {
          continue;
        }
        Geometry piece = piece(site, f);
        if (!piece.isEmpty() && piece.getDimension() == 2) {
          pieces.add(piece);
          names.add(name(l, f));
        }
      }
    }
    Geometry all = union(pieces);
    return new Overlap(all, pieces.isEmpty() ? 0 : GeodesicMeasure.hectares(all), names);
  }

  /** Which part of the site the coverage of these layers speaks for (union over the layers). */
  Assessment assess(List<Layer> layers) {
    return assess(layers, site, siteHa);
  }

  /**
   * Which part of {@code target} (the site, or the area within a distance of it) the coverage of these layers speaks
   * for; hectares are of {@code target}.
   */
  Assessment assess(List<Layer> layers, Geometry target, double targetHa) {
    used.addAll(layers);
    Map<List<Layer>, Assessment> known = assessments.computeIfAbsent(target, t -> new HashMap<>());
    Assessment a = known.get(layers);
    if (a == null) {
      a = assessOnce(layers, target, targetHa);
      known.put(List.copyOf(layers), a);
    }
    return a;
  }

  private Assessment assessOnce(List<Layer> layers, Geometry target, double targetHa) {
    List<Geometry> parts = coveredParts(layers, target);
    if (parts == null) {
      return new Assessment(target, targetHa, 0, layers);
    }
    Geometry covered = union(parts);
    double ha = Math.min(targetHa, GeodesicMeasure.hectares(covered));
    return new Assessment(covered, ha, Math.max(0, targetHa - ha), layers);
  }

  /**
   * How many hectares of {@code area} (the area within a distance of the site) the coverage of these layers speaks
   * for, where only that figure is needed (distance rules); once per check, area and layers. Where every layer's
   * coverage is its features and the area is a rectangle (the site's envelope grown by the limit), through the
   * engine's {@link CoverageCells}: the features whose envelope meets the area's block of cells, asked once, their
   * union's part of each cell kept for the next check nearby; otherwise the covered part is built as the area minus what the
   * layers leave of it ({@link PolygonUnion#within}).
   */
  double coveredHa(List<Layer> layers, Geometry area, double areaHa) {
    used.addAll(layers);
    Map<List<Layer>, Double> known = coveredAreas.computeIfAbsent(area, t -> new HashMap<>());
    Double ha = known.get(layers);
    if (ha == null) {
      if (area.isRectangle() && layers.stream().allMatch(l -> catalog.coverage(l).kind() == Coverage.Kind.FEATURES)) {
        Envelope block = CoverageCells.block(area.getEnvelopeInternal());
        List<Geometry> polygons = new ArrayList<>();
        for (Layer l : layers) {
          for (Feature f : l.candidates(block)) { // by envelope: the same polygons for every block holding a cell
            polygons.add(f.geometry());
          }
        }
        ha = Math.min(areaHa, cells.coveredHa(
            String.join("\u0000", layers.stream().map(Layer::id).toList()), area.getEnvelopeInternal(), polygons,
            site.getFactory()));
      } else {
        List<Geometry> parts = coveredParts(layers, area);
        ha = parts == null ? areaHa : Math.min(areaHa, GeodesicMeasure.hectares(PolygonUnion.within(area, parts)));
      }
      known.put(List.copyOf(layers), ha);
    }
    return ha;
  }

  /**
   * The polygonal parts of {@code target} the coverage of these layers speaks for (a layer's coverage area cut to the
   * target, or the target's pieces of its features), or null when one layer's coverage area holds all of it.
   */
  private @Nullable List<Geometry> coveredParts(List<Layer> layers, Geometry target) {
    List<Geometry> parts = new ArrayList<>();
    for (Layer l : layers) {
      Coverage c = catalog.coverage(l);
      switch (c.kind()) {
        case UNKNOWN -> { }
        case AREA -> {
          if (c.covers(target)) {
            return null;
          }
          if (c.intersects(target)) {
            parts.add(OverlayNGRobust.overlay(target, c.area(), OverlayNG.INTERSECTION));
          }
        }
        case FEATURES -> {
          for (Feature f : intersecting(l, target)) {
            Budget.checkpoint();
            if (f.geometry() instanceof Polygonal) {
              parts.add(piece(target, f));
            }
          }
        }
      }
    }
    return parts.stream().filter(g -> !g.isEmpty() && g.getDimension() == 2).toList();
  }

  /**
   * The site's envelope grown by {@code metres}, as a polygon in lon/lat (the area a distance rule speaks of); the
   * same object for the same distance within a check, so rules with one limit share what the layers answer for it.
   */
  Geometry aroundPolygon(double metres) {
    return areas.computeIfAbsent(metres, m -> site.getFactory().toGeometry(around(m)));
  }

  /**
   * The features of a layer whose geometry really intersects {@code target} ({@link Layer#intersecting(Geometry)}:
   * envelope pre-filter, exact test), in layer order; asked of the layer once per check and target.
   */
  List<Feature> intersecting(Layer layer, Geometry target) {
    Map<Layer, List<Feature>> byLayer = hits.computeIfAbsent(target, t -> new IdentityHashMap<>());
    List<Feature> known = byLayer.get(layer);
    if (known == null) {
      known = List.copyOf(layer.intersecting(target));
      byLayer.put(layer, known);
    }
    return known;
  }

  /**
   * {@code target ∩ feature}, lon/lat; computed once per check, target and feature. A polygonal feature the target
   * covers is its own piece (the same ground, its own vertices, no overlay; one part of a MultiPolygon as a Polygon,
   * as the overlay gives it); any other is overlaid (OverlayNG, robust), a very large feature through its cut to the
   * cells around the target ({@link CellClips}).
   */
  Geometry piece(Geometry target, Feature f) {
    return pieces.computeIfAbsent(target, t -> new IdentityHashMap<>())
        .computeIfAbsent(f, g -> covers(target, g.geometry()) ? simplest(g.geometry())
            : clips.intersection(target, g.geometry()));
  }

  /** A one-part collection as that part, as an overlay returns it (a GeoPackage stores polygons as MultiPolygons). */
  private static Geometry simplest(Geometry g) {
    return g.getNumGeometries() == 1 ? g.getGeometryN(0) : g;
  }

  /**
   * Whether {@code target} covers the whole of a polygonal geometry, so that {@code target ∩ g} is {@code g}: the
   * envelope first, then the target prepared once per check (its segments indexed). Most plan polygons under a site
   * of tens of hectares either lie inside it or cross its edge: 8 of the 13 under the scale benchmark's site lie
   * inside, and each of those overlays cost 10–65 µs where the test costs 1–7 µs (docs/benchmarks.md, scale (c)).
   */
  private boolean covers(Geometry target, Geometry g) {
    if (!(g instanceof Polygonal) || !target.getEnvelopeInternal().covers(g.getEnvelopeInternal())) {
      return false;
    }
    return preparedTargets.computeIfAbsent(target, PreparedGeometryFactory::prepare).covers(g);
  }

  /**
   * The sliver tolerance of a rule in hectares: its {@code tolerance_ha}, or its {@code tolerance_share} (%) of the
   * site when that is larger; 0.001 ha when the rule has neither.
   */
  double tolerance(Rule rule) {
    double abs = rule.check().params().containsKey("tolerance_ha") ? rule.threshold("tolerance_ha") : 0.001;
    double rel = rule.check().params().containsKey("tolerance_share")
        ? rule.threshold("tolerance_share") / 100.0 * siteHa : 0;
    return Math.max(abs, rel);
  }

  /** The class attribute of a feature as its layer defines it (plan class, road class, water class), or null. */
  static @Nullable String className(Layer layer, Feature f) {
    FieldMapping m = layer.spec().fields();
    return switch (layer.role()) {
      case SPATIAL_PLAN, DETAIL_PLAN -> m.planClass() != null ? f.text(m.planClass()) : first(f, PLAN_FIELDS);
      case ROAD -> f.text(m.roadClass());
      case WATER -> f.text(m.waterClass());
      default -> null;
    };
  }

  /** True when some feature of the layer has one of the classes (a plan layer without KPI cannot judge KPI). */
  static boolean hasClass(Layer layer, List<String> classes) {
    if (classes.isEmpty() || !classified(layer)) {
      return true;
    }
    // once per version of the layer's data, never per check: a scan of a 50 000-polygon layer for every rule with
    // plan classes was 80 % of a check's time (docs/benchmarks.md, scale (c)); a memory layer's version is unique
    // per load and constant, so its answer is computed once
    String key = layer.id() + "#" + layer.version() + "#" + classes;
    Boolean known = CLASSES_SEEN.get(key);
    if (known != null) {
      return known;
    }
    // a memory layer: the exact per-feature test (a feature's first plan field, as className reads it), one scan;
    // a live layer: SELECT DISTINCT on its class fields
    boolean found = layer.inMemory()
        ? layer.anyMatch(f -> matches(className(layer, f), classes))
        : classFields(layer).stream().anyMatch(field -> layer.distinctValues(field, 10_000).stream()
            .anyMatch(v -> matches(v.toString(), classes)));
    if (CLASSES_SEEN.size() > 1_000) {
      CLASSES_SEEN.clear();
    }
    CLASSES_SEEN.put(key, found);
    return found;
  }

  /** Whether a layer at a version has one of the classes, by "layer#version#classes". */
  private static final java.util.Map<String, Boolean> CLASSES_SEEN = new java.util.concurrent.ConcurrentHashMap<>();

  /** The attributes {@link #className} reads for a layer. */
  private static List<String> classFields(Layer layer) {
    FieldMapping m = layer.spec().fields();
    List<String> out = new ArrayList<>();
    switch (layer.role()) {
      case SPATIAL_PLAN, DETAIL_PLAN -> {
        if (m.planClass() != null) {
          out.add(m.planClass());
        } else {
          out.addAll(java.util.Arrays.stream(PLAN_FIELDS).filter(layer.fieldNames()::contains).toList());
        }
      }
      case ROAD -> out.add(m.roadClass());
      case WATER -> out.add(m.waterClass());
      default -> { }
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /** True when the layer's role has a class attribute that rules filter on. */
  static boolean classified(Layer layer) {
    return switch (layer.role()) {
      case SPATIAL_PLAN, DETAIL_PLAN, ROAD, WATER -> true;
      default -> false;
    };
  }

  /** The display name of a feature: the mapped name field, else a conventional one, else the id. */
  static String name(Layer layer, Feature f) {
    String n = f.text(layer.spec().fields().name());
    if (n == null) {
      n = first(f, NAME_FIELDS);
    }
    return n == null || n.isBlank() ? layer.id() + "/" + f.id() : n;
  }

  private static @Nullable String first(Feature f, String[] fields) {
    for (String k : fields) {
      String v = f.text(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Case- and whitespace-insensitive "value contains one of the aliases" (aliases as written in the rulebook). */
  static boolean matches(@Nullable String value, List<String> aliases) {
    if (value == null) {
      return false;
    }
    String v = normalise(value);
    for (String a : aliases) {
      String n = normalise(a);
      if (!n.isEmpty() && v.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Trimmed, lower case, each run of whitespace ({@code [ \t\n\x0B\f\r]}) and underscores one space. A loop, not
   * {@code replaceAll}: it runs for every feature and alias of every class rule, and compiling the pattern each time
   * was 4 % of a check.
   */
  static String normalise(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(t.length());
    boolean run = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean gap = c == ' ' || c == '_' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
      if (!gap) {
        b.append(c);
      } else if (!run) {
        b.append(' ');
      }
      run = gap;
    }
    return b.toString();
  }

  /** The site's envelope grown by {@code metres} on every side, in degrees. */
  Envelope around(double metres) {
    Envelope e = new Envelope(site.getEnvelopeInternal());
    double dLat = metres / 110_574.0;
    double cos = Math.max(0.2, Math.cos(Math.toRadians(e.centre().y)));
    e.expandBy(metres / (111_320.0 * cos), dLat);
    return e;
  }

  /**
   * Whether this feature is the estate being audited, never counted against itself: the same layer and id, or (for
   * an audit of an outside file of estates) an estate feature covering the same ground within 1 % of the area.
   */
  boolean isOwn(Layer layer, Feature f) {
    if (proposal.ownEstate() == null) {
      return false;
    }
    if ((layer.id() + "/" + f.id()).equals(proposal.ownEstate())) {
      return true;
    }
    if (layer.role() != LayerRole.ESTATE && layer.role() != LayerRole.PLANNED_ESTATE) {
      return false;
    }
    Geometry diff = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(site, f.geometry(),
        org.locationtech.jts.operation.overlayng.OverlayNG.SYMDIFFERENCE);
    return GeodesicMeasure.hectares(diff) <= 0.01 * siteHa;
  }
}
