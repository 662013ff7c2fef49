package id.tapak.core.publish.style;

import java.util.List;
import java.util.Objects;

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
}
