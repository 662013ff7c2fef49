package id.tapak.core.rulebook;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the rulebook reads layers, for code outside the checks that must judge land the same way (the corridor
 * indicators and suitability grid): a feature's class, whether it matches a rule's classes, and the setback width
 * the setback rule gives a water feature. One source of truth: these are the checks' own functions.
 */
public final class RuleLayers {

  private RuleLayers() {}

  /** The class attribute of a feature as its layer defines it (plan, road or water class), or null. */
  public static @Nullable String className(Layer layer, Feature f) {
    return CheckContext.className(layer, f);
  }

  /** True when a class value matches one of a rule's classes (case-insensitive substring, as the checks match). */
  public static boolean matches(@Nullable String value, List<String> classes) {
    return CheckContext.matches(value, classes);
  }

  /** The setback in metres the setback rule gives a water feature: by its water class, else the rule's default. */
  public static double setbackMetres(Rule setback, Layer layer, Feature f) {
    String cls = className(layer, f);
    String key = cls == null ? "default" : CheckContext.normalise(cls).replace(' ', '_');
    return setback.thresholds().containsKey(key) ? setback.threshold(key) : setback.threshold("default");
  }

  /**
   * True when a feature counts for a rule with these classes: every feature of an unclassified layer (ports, gas,
   * rail), and in classified layers (plans, roads, water) those whose class matches; no classes = every feature.
   */
  public static boolean accepts(Layer layer, Feature f, List<String> classes) {
    return classes.isEmpty() || !CheckContext.classified(layer) || matches(className(layer, f), classes);
  }

  /** The display name of a feature: the mapped name field, else a conventional one, else the id. */
  public static String name(Layer layer, Feature f) {
    return CheckContext.name(layer, f);
  }
}
