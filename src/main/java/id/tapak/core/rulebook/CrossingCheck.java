package id.tapak.core.rulebook;

import static id.tapak.core.rulebook.PlanChecks.f;
import static id.tapak.core.rulebook.PlanChecks.fi;
import static id.tapak.core.rulebook.PlanChecks.round;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * What of the rule's layers lies inside the site: each line (road, railway, gas pipeline, river) with its geodesic
 * length inside, name and class; each area with its hectares inside; each point by name. With a right-of-way
 * {@code row_m} above 0 (gas, rail) a crossing is a breach (a WARN for a guideline) and the strip of {@code row_m}
 * on each side of the line inside the site is given in hectares (measured in the site's UTM zone, then
 * geodesically). Nothing inside is PASS only where the layers cover the site. Stateless.
 */
final class CrossingCheck {

  private static final int LISTED = 6;

  private CrossingCheck() {}

  static Finding evaluate(Rule rule, CheckContext ctx) {
    double row = rule.threshold("row_m");
    Finding.Builder b = Finding.of(rule).threshold(row);
    List<Layer> layers = ctx.layers(rule.roles());
    if (layers.isEmpty()) {
      return b.notAssessed(CheckContext.missing(rule.roles()));
    }
    double metres = 0;
    List<String> items = new ArrayList<>();
    List<String> itemsId = new ArrayList<>();
    List<Geometry> strips = new ArrayList<>();
    int count = 0;
    for (Layer l : layers) {
      for (Feature feat : ctx.intersecting(l, ctx.site)) {
        Geometry in = OverlayNGRobust.overlay(feat.geometry(), ctx.site, OverlayNG.INTERSECTION);
        if (in.isEmpty()) {
          continue;
        }
        count++;
        String name = CheckContext.name(l, feat);
        String cls = CheckContext.className(l, feat);
        String label = name + (cls == null ? "" : " [" + cls + "]");
        switch (in.getDimension()) {
          case 1 -> {
            double m = GeodesicMeasure.lengthMetres(in);
            metres += m;
            items.add(f("%s %,.0f m", label, m));
            itemsId.add(fi("%s %,.0f m", label, m));
            if (row > 0) {
              Geometry strip = ctx.wgs(ctx.utm(in).buffer(row, 8));
              strips.add(OverlayNGRobust.overlay(strip, ctx.site, OverlayNG.INTERSECTION));
            }
          }
          case 2 -> {
            double ha = GeodesicMeasure.hectares(in);
            items.add(f("%s %.2f ha", label, ha));
            itemsId.add(fi("%s %.2f ha", label, ha));
            strips.add(in);
          }
          default -> {
            items.add(label);
            itemsId.add(label);
          }
        }
      }
    }
    if (count == 0) {
      CheckContext.Assessment a = ctx.assess(layers);
      b.assessed(a.coveredHa(), a.unassessedHa());
      if (!a.whole(0.001)) {
        return b.notAssessed(LocalizedText.of("Tidak ada " + rule.title().id() + " pada data yang dimuat, tetapi "
            + a.reason(ctx).id() + ".", "No " + rule.title().en() + " in the loaded data, but " + a.reason(ctx).en()
            + "."));
      }
      return b.build(Status.PASS, "Tidak ada " + rule.title().id() + ".", "No " + rule.title().en() + ".");
    }
    b.measured(Math.round(metres), "m");
    String more = count > LISTED ? f(" (+%d)", count - LISTED) : "";
    String list = String.join("; ", items.stream().limit(LISTED).toList()) + more;
    String listId = String.join("; ", itemsId.stream().limit(LISTED).toList()) + more;
    b.subject(list);
    String rowId = "";
    String rowEn = "";
    if (!strips.isEmpty()) {
      Geometry all = ctx.union(strips);
      double ha = GeodesicMeasure.hectares(all);
      b.conflict(all, round(ha, 4));
      if (row > 0) {
        rowId = fi(" Ruang milik jalur %,.0f m di tiap sisi: %.2f ha tapak.", row, ha);
        rowEn = f(" Right-of-way of %,.0f m on each side: %.2f ha of the site.", row, ha);
      }
    }
    Status s = row > 0 ? rule.severity().breach() : Status.PASS;
    return b.build(s, fi("%s: %s (panjang di dalam tapak %,.0f m).%s", cap(rule.title().id()), listId, metres, rowId),
        f("%s: %s (length inside the site %,.0f m).%s", cap(rule.title().en()), list, metres, rowEn));
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
