package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
    if (layers.isEmpty()) {
      String[] m = CheckContext.missing(rule.roles());
      return b.build(Status.NOT_APPLICABLE, m[0], m[1]);
    }
    Nearest n = nearest(ctx, layers, rule.classes(), search);
    String what = rule.title().id();
    String whatEn = rule.title().en();
    if (n == null) {
      if (access) {
        return b.build(rule.severity().breach(), f("Tidak ada %s dalam radius %.0f km.", what, search / 1000),
            f("No %s within %.0f km.", whatEn, search / 1000));
      }
      return b.build(Status.PASS, f("Tidak ada %s dalam radius %.0f m.", what, search),
          f("No %s within %.0f m.", whatEn, search));
    }
    b.measured(Math.round(n.metres()), "m").subject(n.name());
    boolean ok = access ? n.metres() <= limit : n.metres() >= limit;
    String cmp = access ? (ok ? "<=" : ">") : (ok ? ">=" : "<");
    String msgId = f("%s terdekat: %s, %.0f m (%s %.0f m).", what, n.name(), n.metres(), cmp, limit);
    String msgEn = f("Nearest %s: %s, %.0f m (%s %.0f m).", whatEn, n.name(), n.metres(), cmp, limit);
    return b.build(ok ? Status.PASS : rule.severity().breach(), msgId, msgEn);
  }

  static @Nullable Nearest nearest(CheckContext ctx, List<Layer> layers, List<String> classes, double searchMetres) {
    List<Object[]> ranked = new ArrayList<>();
    var env = ctx.around(searchMetres);
    for (Layer l : layers) {
      boolean filter = CheckContext.classified(l) && !classes.isEmpty();
      for (Feature f : l.index().candidates(env)) {
        if (filter && !CheckContext.matches(CheckContext.className(l, f), classes)) {
          continue;
        }
        ranked.add(new Object[] {ctx.site.distance(f.geometry()), l, f});
      }
    }
    if (ranked.isEmpty()) {
      return null;
    }
    ranked.sort(Comparator.comparingDouble(o -> (Double) o[0]));
    Nearest best = null;
    for (int i = 0; i < Math.min(GEODESIC_CANDIDATES, ranked.size()); i++) {
      Layer l = (Layer) ranked.get(i)[1];
      Feature f = (Feature) ranked.get(i)[2];
      double m = GeodesicMeasure.nearest(ctx.site, f.geometry()).metres();
      if (best == null || m < best.metres()) {
        best = new Nearest(CheckContext.name(l, f), l.id(), m);
      }
    }
    return best != null && best.metres() <= searchMetres ? best : null;
  }
}
