package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.fi;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Distance rules: {@code access} (the nearest toll road, arterial, railway, port, water source or gas pipeline must
 * be within {@code max_m}) and {@code separation} (the nearest settlement must be at least {@code min_m} away).
 * Features of classified layers (roads, water, plans) are filtered by the rule's {@code classes}. Candidates come
 * from the layer index around the site and are ranked by planar distance; the best few are measured geodesically.
 * Stateless.
 */
final class DistanceCheck {

  private static final int GEODESIC_CANDIDATES = 4;

  private DistanceCheck() {}

  /** The nearest matching feature: its name and geodesic distance in metres. */
  record Nearest(String name, String layer, double metres) {}

  static Finding evaluate(Rule rule, CheckContext ctx) {
    boolean access = rule.check() == CheckType.ACCESS;
    double limit = access ? rule.threshold("max_m") : rule.threshold("min_m");
    double search = access ? Math.max(rule.threshold("search_m"), limit) : limit * 1.5 + 1000;
    Finding.Builder b = Finding.of(rule).threshold(limit);
    List<Layer> layers = ctx.layers(rule.roles());
    if (!rule.classes().isEmpty()) {
      // a plan layer speaks for settlements only when it has a settlement class somewhere
      layers.removeIf(l -> (l.role() == LayerRole.SPATIAL_PLAN || l.role() == LayerRole.DETAIL_PLAN)
          && !CheckContext.hasClass(l, rule.classes()));
    }
    if (layers.isEmpty()) {
      return b.notAssessed(CheckContext.missing(rule.roles()));
    }
    String what = rule.title().id();
    String whatEn = rule.title().en();
    if (!access) {
      Finding inside = inside(rule, ctx, layers, b);
      if (inside != null) {
        return inside;
      }
    }
    Nearest n = nearest(ctx, layers, rule.classes(), search);
    ctx.used.addAll(layers);
    // a nearer feature is evidence wherever it lies; "none nearer than the limit" is evidence only where the layers
    // cover the area within the limit of the site (its envelope grown by the limit). That coverage is assessed only
    // when the answer depends on it: the area is some 20 km² for a 2 km limit, and uniting the plan's pieces of it
    // was most of a check on a site with a settlement nearer than the limit, where it decides nothing.
    boolean ok = n != null && (access ? n.metres() <= limit : n.metres() >= limit);
    boolean needsCoverage = n == null || (n.metres() > 0.5 && ok != access);
    boolean whole = true;
    LocalizedText why = null;
    if (needsCoverage) {
      var area = ctx.aroundPolygon(limit);
      double areaHa = GeodesicMeasure.hectares(area);
      double coveredHa = ctx.coveredHa(layers, area, areaHa);
      whole = areaHa - coveredHa <= 0.001 * areaHa;
      String ids = String.join(", ", layers.stream().map(Layer::id).distinct().toList());
      why = whole ? null : LocalizedText.of(fi("layer %s tidak mencakup seluruh area dalam %,.0f m dari tapak (%.0f%% "
          + "tercakup); ketiadaan objek di sana bukan bukti", ids, limit, 100 * coveredHa / areaHa),
          f("layer %s does not cover the whole area within %,.0f m of the site (%.0f%% covered); no feature there is "
              + "no evidence", ids, limit, 100 * coveredHa / areaHa));
    }
    if (n == null) {
      if (!whole) {
        return b.notAssessed(LocalizedText.of(fi("Tidak ada %s dalam radius %,.0f m pada data yang dimuat, tetapi %s.",
            what, search, why.id()), f("No %s within %,.0f m in the loaded data, but %s.", whatEn, search, why.en())));
      }
      if (access) {
        // the layers cover the area within the limit: there is none that near (farther than search_m: unknown)
        return b.build(rule.severity().breach(), fi("Tidak ada %s dalam batas %,.0f m.", what, limit),
            f("No %s within the %,.0f m limit.", whatEn, limit));
      }
      return b.build(Status.PASS, fi("Tidak ada %s dalam radius %,.0f m.", what, search),
          f("No %s within %,.0f m.", whatEn, search));
    }
    b.subject(n.name());
    if (n.metres() <= 0.5) {
      // runs through the site: the crossing rules report length inside; a distance of 0 m says nothing useful
      return b.build(Status.PASS, fi("%s %s melintasi atau berada di dalam tapak (lihat aturan lintasan).", what,
          n.name()), f("%s %s crosses or lies inside the site (see the crossing rules).", whatEn, n.name()));
    }
    b.measured(Math.round(n.metres()), "m");
    String cmp = access ? (ok ? "<=" : ">") : (ok ? ">=" : "<");
    String msgId = fi("%s terdekat: %s, %,.0f m (%s %,.0f m).", what, n.name(), n.metres(), cmp, limit);
    String msgEn = f("Nearest %s: %s, %,.0f m (%s %,.0f m).", whatEn, n.name(), n.metres(), cmp, limit);
    if (ok && !access && !whole) {
      return b.notAssessed(LocalizedText.of(msgId + " " + why.id() + ".", msgEn + " " + why.en() + "."));
    }
    if (!ok && access && !whole) {
      return b.notAssessed(LocalizedText.of(msgId + " Yang lebih dekat mungkin tidak dimuat: " + why.id() + ".",
          msgEn + " A nearer one may not be loaded: " + why.en() + "."));
    }
    return b.build(ok ? Status.PASS : rule.severity().breach(), msgId, msgEn);
  }

  /**
   * Settlements inside the site, measured in hectares with their names: a breach of the separation rule by the
   * widest margin, so never reported as "nearest settlement 0 m". Null when no settlement polygon overlaps the site.
   */
  private static @Nullable Finding inside(Rule rule, CheckContext ctx, List<Layer> layers, Finding.Builder b) {
    CheckContext.Overlap found = ctx.overlap(layers, (l, f) -> !CheckContext.classified(l) || rule.classes().isEmpty()
        || CheckContext.matches(CheckContext.className(l, f), rule.classes()));
    Geometry all = found.geometry();
    Set<String> names = found.names();
    double ha = found.ha();
    if (ha < 0.001) {
      return null;
    }
    double share = 100.0 * ha / ctx.siteHa;
    String list = String.join(", ", names.stream().limit(8).toList()) + (names.size() > 8
        ? f(" (+%d)", names.size() - 8) : "");
    b.measured(0, "m").subject(list).conflict(all, PlanChecks.round(ha, 4));
    return b.build(rule.severity().breach(), fi("%.2f ha (%.1f%%) tapak berupa %s: %s.", ha, share,
        rule.title().id(), list), f("%.2f ha (%.1f%%) of the site is %s: %s.", ha, share, rule.title().en(), list));
  }

  /**
   * A candidate: its layer and feature, its place in layer order, and the distance in degrees from the site's envelope
   * to its envelope (never more than its planar distance from the site).
   */
  private record Candidate(Layer layer, Feature feature, int order, double envelopeDistance) {}

  /** A candidate with its planar distance from the site, in degrees. */
  private record Measured(Candidate candidate, double planar) {}

  /**
   * The nearest matching feature within {@code searchMetres}: the {@link #GEODESIC_CANDIDATES} nearest by planar
   * distance in degrees (ties in layer order), measured geodesically. The planar distances are computed nearest
   * envelope first, and no further once the next envelope is farther than the last of those kept: an envelope is
   * never farther than its geometry, so the rest cannot rank among them. In a plan a search area holds hundreds of
   * polygons, some of thousands of vertices, and measuring them all was a tenth of a check.
   */
  static @Nullable Nearest nearest(CheckContext ctx, List<Layer> layers, List<String> classes, double searchMetres) {
    List<Candidate> all = new ArrayList<>();
    var env = ctx.around(searchMetres);
    var siteEnv = ctx.site.getEnvelopeInternal();
    for (Layer l : layers) {
      boolean filter = CheckContext.classified(l) && !classes.isEmpty();
      for (Feature f : l.candidates(env)) {
        if (filter && !CheckContext.matches(CheckContext.className(l, f), classes)) {
          continue;
        }
        all.add(new Candidate(l, f, all.size(), siteEnv.distance(f.geometry().getEnvelopeInternal())));
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    all.sort(Comparator.comparingDouble(Candidate::envelopeDistance));
    // the candidates measured, kept sorted by planar distance, then layer order; the first GEODESIC_CANDIDATES answer
    List<Measured> measured = new ArrayList<>();
    Comparator<Measured> byDistance = Comparator.comparingDouble(Measured::planar)
        .thenComparingInt(m -> m.candidate().order());
    for (Candidate c : all) {
      if (measured.size() >= GEODESIC_CANDIDATES
          && c.envelopeDistance() > measured.get(GEODESIC_CANDIDATES - 1).planar()) {
        break;
      }
      Measured m = new Measured(c, GeodesicMeasure.planarDistance(ctx.site, c.feature().geometry()));
      int at = java.util.Collections.binarySearch(measured, m, byDistance);
      measured.add(at < 0 ? -at - 1 : at, m);
    }
    Nearest best = null;
    for (Measured near : measured.subList(0, Math.min(GEODESIC_CANDIDATES, measured.size()))) {
      Layer l = near.candidate().layer();
      Feature f = near.candidate().feature();
      double m = GeodesicMeasure.nearest(ctx.site, f.geometry(), near.planar()).metres();
      if (best == null || m < best.metres()) {
        best = new Nearest(CheckContext.name(l, f), l.id(), m);
      }
    }
    return best != null && best.metres() <= searchMetres ? best : null;
  }
}
