package id.tapak.core.publish.style;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named map style: rules applied to every feature, each rule's symbolizers drawn when its filter matches and the
 * map scale is within its range (SLD 1.0 semantics: all matching rules draw, in order).
 *
 * @param name style name as used in STYLES; {@code default} for the built-in style
 * @param title human title (Indonesian / English for built-in styles)
 * @param rules the rules in drawing order
 */
public record Style(String name, String title, List<StyleRule> rules) {
  public Style {
    Objects.requireNonNull(name, "style name");
    Objects.requireNonNull(title, "style title");
    rules = List.copyOf(rules);
  }

  /** The name of every layer's built-in style. */
  public static final String DEFAULT = "default";

  /** The attributes the style reads: those its filters test and those its labels show. */
  public Set<String> properties() {
    Set<String> out = new LinkedHashSet<>();
    for (StyleRule r : rules) {
      if (r.filter() != null) {
        collect(r.filter(), out);
      }
      for (Symbolizer s : r.symbolizers()) {
        if (s instanceof Symbolizer.Text t) {
          out.add(t.property());
        }
      }
    }
    return out;
  }

  private static void collect(RuleFilter f, Set<String> out) {
    if (f instanceof RuleFilter.Equal e) {
      out.add(e.property());
    } else if (f instanceof RuleFilter.Like l) {
      out.add(l.property());
    } else if (f instanceof RuleFilter.All a) {
      a.parts().forEach(p -> collect(p, out));
    } else if (f instanceof RuleFilter.Any a) {
      a.parts().forEach(p -> collect(p, out));
    } else if (f instanceof RuleFilter.Not n) {
      collect(n.inner(), out);
    }
  }
}
