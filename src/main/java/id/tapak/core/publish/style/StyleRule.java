package id.tapak.core.publish.style;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a style.
 *
 * @param name rule name (legend key)
 * @param title legend label
 * @param filter which features it applies to; null = all (unless {@code elseFilter})
 * @param elseFilter SLD ElseFilter: applies to features no other rule of the style matched
 * @param minScale smallest scale denominator drawn (inclusive), 0 = no limit
 * @param maxScale scale denominator from which the rule stops (exclusive), +∞ = no limit
 * @param symbolizers what is drawn, in order
 */
public record StyleRule(
    String name,
    String title,
    @Nullable RuleFilter filter,
    boolean elseFilter,
    double minScale,
    double maxScale,
    List<Symbolizer> symbolizers) {

  public StyleRule {
    symbolizers = List.copyOf(symbolizers);
    if (!(minScale >= 0) || !(maxScale > minScale)) {
      throw new IllegalArgumentException("rule '" + name + "': scale range must be 0 <= min < max");
    }
  }

  /** A rule for all scales. */
  public static StyleRule of(String title, @Nullable RuleFilter filter, Symbolizer... symbolizers) {
    return new StyleRule(title, title, filter, false, 0, Double.POSITIVE_INFINITY, List.of(symbolizers));
  }

  /** Whether the rule is active at a scale denominator. */
  public boolean inScale(double scale) {
    return scale >= minScale && scale < maxScale;
  }

  /** Whether the filter accepts the attributes (ElseFilter rules are resolved by the renderer). */
  public boolean matches(Map<String, @Nullable Object> properties) {
    return filter == null || filter.test(properties);
  }
}
