package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.fi;
import static id.tapak.core.rulebook.PlanChecks.round;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Setbacks (sempadan) from water features: each feature's class (the layer's {@code waterClass} field) picks a
 * threshold key (coast, river, lake, spring…; unknown classes use {@code default}); the feature is buffered by that
 * many metres in the site's UTM zone and the part of the site inside the buffer is the breach, measured geodesically.
 * A setback of 0 (e.g. an intake) only counts the water body itself. Stateless.
 */
final class SetbackCheck {

  private SetbackCheck() {}

  static Finding evaluate(Rule rule, CheckContext ctx) {
    Finding.Builder b = Finding.of(rule).threshold(0);
    List<Layer> layers = ctx.layers(rule.roles());
    if (layers.isEmpty()) {
      return b.assessed(0, ctx.siteHa).notAssessed(CheckContext.missing(rule.roles()));
    }
    double maxSetback = rule.threshold("default");
    for (Threshold t : rule.thresholds().values()) {
      maxSetback = Math.max(maxSetback, t.value());
    }
    List<Geometry> breaches = new ArrayList<>();
    // one width per water feature, from the rulebook only: the same river is never shown with two widths
    Map<String, double[]> hits = new LinkedHashMap<>();
    Map<String, String> classes = new LinkedHashMap<>();
    Geometry siteUtm = null;
    for (Layer l : layers) {
      for (Feature f : l.candidates(ctx.around(maxSetback + 10))) {
        String cls = CheckContext.className(l, f);
        String key = cls == null ? "default" : CheckContext.normalise(cls).replace(' ', '_');
        double setback = rule.thresholds().containsKey(key) ? rule.threshold(key) : rule.threshold("default");
        if (siteUtm == null) {
          siteUtm = ctx.siteUtm();
        }
        Geometry water = ctx.utm(f.geometry());
        if (setback <= 0 && !(f.geometry() instanceof Polygonal)) {
          continue;
        }
        if (!water.isWithinDistance(siteUtm, setback)) {
          continue;
        }
        Geometry zone = setback > 0 ? water.buffer(setback, 8) : water;
        Geometry breach = OverlayNGRobust.overlay(siteUtm, zone, OverlayNG.INTERSECTION);
        if (breach.isEmpty() || breach.getDimension() < 2) {
          continue;
        }
        breaches.add(ctx.wgs(breach));
        double d = water.distance(siteUtm);
        hits.putIfAbsent(CheckContext.name(l, f), new double[] {d, setback});
        classes.putIfAbsent(CheckContext.name(l, f), key);
      }
    }
    CheckContext.Assessment a = ctx.assess(layers);
    boolean whole = a.whole(0.001);
    b.assessed(a, ctx, 0.001);
    if (breaches.isEmpty()) {
      b.measured(0, "ha");
      if (!whole) {
        return b.build(Status.NOT_ASSESSED, fi("Tidak ada sempadan pada %.2f ha yang tercakup; %s.", a.coveredHa(),
            a.reason(ctx).id()), f("No setback on the %.2f ha covered; %s.", a.coveredHa(), a.reason(ctx).en()));
      }
      return b.build(Status.PASS, "Tapak di luar semua sempadan (pantai, sungai, danau, mata air).",
          "The site lies outside every setback (coast, river, lake, spring).");
    }
    Geometry all = breaches.size() == 1 ? breaches.get(0)
        : OverlayNGRobust.union(ctx.site.getFactory().buildGeometry(breaches));
    double ha = GeodesicMeasure.hectares(all);
    b.measured(round(ha, 4), "ha").conflict(all, round(ha, 4));
    List<String> items = new ArrayList<>();
    List<String> itemsId = new ArrayList<>();
    hits.forEach((name, d) -> {
      items.add(name + " (" + f("%s %,.0f m < %,.0f m", classes.get(name), d[0], d[1]) + ")");
      itemsId.add(name + " (" + fi("%s %,.0f m < %,.0f m", classes.get(name), d[0], d[1]) + ")");
    });
    String subject = String.join("; ", items.stream().limit(6).toList());
    b.subject(subject);
    return b.build(rule.severity().breach(), fi("%.4f ha tapak berada di dalam sempadan: %s.", ha,
        String.join("; ", itemsId.stream().limit(6).toList())),
        f("%.4f ha of the site lies inside a setback: %s.", ha, subject));
  }
}
