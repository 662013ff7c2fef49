package id.tapak.core.rulebook;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the site lies: for each administrative layer (kabupaten/kota, kecamatan, priority regions such as Gerbang
 * Kertosusila, Selingkar Wilis, Bromo Tengger Semeru) the names of the features the site intersects. Information
 * only: PASS when an administrative layer is loaded. Stateless.
 */
final class LocationCheck {

  private LocationCheck() {}

  static Finding evaluate(Rule rule, CheckContext ctx) {
    Finding.Builder b = Finding.of(rule);
    List<Layer> layers = ctx.layers(rule.roles());
    if (layers.isEmpty()) {
      return b.notAssessed(CheckContext.missing(rule.roles()));
    }
    List<String> parts = new ArrayList<>();
    List<String> id = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (Layer l : layers) {
      Set<String> names = new LinkedHashSet<>();
      for (Feature f : ctx.intersecting(l, ctx.site)) {
        names.add(CheckContext.name(l, f));
      }
      String v = names.isEmpty() ? "-" : String.join(", ", names);
      parts.add(l.id() + ": " + v);
      id.add(l.spec().title().id() + ": " + (names.isEmpty() ? "tidak ada" : v));
      en.add(l.spec().title().en() + ": " + (names.isEmpty() ? "none" : v));
    }
    b.subject(String.join("; ", parts));
    return b.build(Status.PASS, "Lokasi tapak. " + String.join("; ", id) + ".",
        "Site location. " + String.join("; ", en) + ".");
  }
}
