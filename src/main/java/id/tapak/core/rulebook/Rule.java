package id.tapak.core.rulebook;

import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a rulebook, bound from YAML and validated here so that a wrong rulebook stops start-up.
 *
 * @param id kebab-case identifier, unique in the rulebook; reports and spec files refer to it
 * @param title short title in Indonesian and English
 * @param citation regulation and article
 * @param check what the rule computes
 * @param roles layer roles the check reads; when none is loaded the rule is NOT_APPLICABLE
 * @param thresholds figures keyed by parameter name (see {@link CheckType#params()}); omitted ones take the default
 * @param classes class names matched case-insensitively as substrings of a feature's class attribute: KPI names for
 *     kpi-allocation, spatial-plan classes that also count for overlaps and separations, road or water classes for
 *     access
 * @param target the land-use component of a composition rule: industrial_plot, green_space or road
 * @param severity what a breach reports
 * @param confidence confirmed (read in the text) or guideline (a setting); a guideline may only warn
 * @param note free text for the reader of the rulebook (optional)
 */
public record Rule(
    String id,
    LocalizedText title,
    Citation citation,
    CheckType check,
    @Nullable List<LayerRole> roles,
    @Nullable Map<String, Threshold> thresholds,
    @Nullable List<String> classes,
    @Nullable String target,
    Severity severity,
    Confidence confidence,
    @Nullable String note) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Set<String> TARGETS = Set.of("industrial_plot", "green_space", "road");

  public Rule {
    Objects.requireNonNull(id, "rule id is required");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be kebab-case (a-z, 0-9, -), got '" + id + "'");
    }
    Objects.requireNonNull(title, "title is required");
    Objects.requireNonNull(citation, "citation is required");
    Objects.requireNonNull(check, "check is required");
    Objects.requireNonNull(severity, "severity is required");
    Objects.requireNonNull(confidence, "confidence is required");
    roles = roles == null ? List.of() : List.copyOf(roles);
    classes = classes == null ? List.of() : List.copyOf(classes);
    thresholds = thresholds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    if (confidence == Confidence.GUIDELINE && severity == Severity.FAIL) {
      throw new IllegalArgumentException("rule '" + id + "': a guideline may only warn; set severity: warn");
    }
    for (Map.Entry<String, Threshold> e : thresholds.entrySet()) {
      CheckType.Param p = check.params().get(e.getKey());
      if (p == null && !check.openKeys()) {
        throw new IllegalArgumentException("rule '" + id + "': unknown threshold '" + e.getKey() + "' for check '"
            + check.wireName() + "', expected one of " + check.params().keySet());
      }
      String unit = p == null ? "m" : p.unit();
      if (!unit.equals(e.getValue().unit())) {
        throw new IllegalArgumentException("rule '" + id + "': threshold '" + e.getKey() + "' must be in " + unit
            + ", got " + e.getValue().unit());
      }
    }
    if (check == CheckType.COMPOSITION) {
      if (target == null || !TARGETS.contains(target)) {
        throw new IllegalArgumentException("rule '" + id + "': composition needs target: one of " + TARGETS);
      }
      boolean upper = thresholds.containsKey("max_best") && thresholds.containsKey("max_ok");
      boolean lower = thresholds.containsKey("min_ok") && thresholds.containsKey("min_best");
      if (upper == lower) {
        throw new IllegalArgumentException("rule '" + id + "': composition needs either max_best and max_ok "
            + "(an upper bound) or min_ok and min_best (a lower bound)");
      }
    }
  }

  @Override
  public List<LayerRole> roles() {
    return roles == null ? List.of() : roles;
  }

  @Override
  public List<String> classes() {
    return classes == null ? List.of() : classes;
  }

  @Override
  public Map<String, Threshold> thresholds() {
    return thresholds == null ? Map.of() : thresholds;
  }

  /** The value of a threshold, or its declared default. */
  public double threshold(String name) {
    Threshold t = thresholds().get(name);
    if (t != null) {
      return t.value();
    }
    CheckType.Param p = check.params().get(name);
    if (p == null || Double.isNaN(p.defaultValue())) {
      throw new IllegalStateException("rule '" + id + "' has no threshold '" + name + "'");
    }
    return p.defaultValue();
  }

  /** True when the rule sets the threshold itself (not a default). */
  public boolean has(String name) {
    return thresholds().containsKey(name);
  }
}
