package id.tapak.core.rulebook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The closed set of checks a rule can run. Each type declares the thresholds it reads, with unit and default, so a
 * rulebook that names an unknown threshold or a wrong unit fails at load time. {@link ConformityEngine} dispatches
 * on this enum with an exhaustive {@code switch}, so adding a type is a compile-checked change.
 */
public enum CheckType {
  /** Site inside the spatial plan's industrial allocation (KPI), or the detail plan's industrial zone. */
  KPI_ALLOCATION("kpi-allocation", p("min_share", "%", 100), p("tolerance_ha", "ha", 0.001),
      p("tolerance_share", "%", 0.2)),
  /** Minimum area in one expanse (hamparan), parts closer than the gap tolerance counted as one. */
  MIN_EXPANSE("min-expanse", p("min_ha", "ha", 50), p("gap_tolerance_m", "m", 30)),
  /** IKM land provided (the Art. 59 obligation), lying inside the estate. */
  IKM_LAND("ikm-land", p("tolerance_ha", "ha", 0.001)),
  /** IKM land as a share of the industrial-plot area (the figure PP 20/2024 delegates: a setting). */
  IKM_SHARE("ikm-share", p("min_share", "%", 2)),
  /** Sentra IKM land: minimum area inside KPI, for requests of kind sentra-ikm. */
  SENTRA_IKM("sentra-ikm", p("min_m2", "m2", 5000), p("min_share", "%", 100)),
  /** One land-use component's share of the site, in score bands (best / acceptable / poor). */
  COMPOSITION("composition", p("max_best", "%", Double.NaN), p("max_ok", "%", Double.NaN),
      p("min_ok", "%", Double.NaN), p("min_best", "%", Double.NaN)),
  /** Overlap with features of the rule's roles (and matching spatial-plan classes) is forbidden. */
  FORBIDDEN_OVERLAP("forbidden-overlap", p("max_ha", "ha", 0), p("tolerance_ha", "ha", 0.001),
      p("tolerance_share", "%", 0.2)),
  /** Setback (sempadan) from water features by class; each threshold key is a water class, unit m. */
  SETBACK("setback", p("default", "m", 50)),
  /** The nearest feature of the rule's roles and classes must be within a distance. */
  ACCESS("access", p("max_m", "m", 5000), p("search_m", "m", 100000)),
  /** The nearest feature of the rule's roles and classes must be at least a distance away. */
  SEPARATION("separation", p("min_m", "m", 2000)),
  /**
   * Linear, areal and point features of the rule's roles inside the site (roads, railways, gas pipelines, rivers):
   * length inside, name and class; a right-of-way wider than 0 m makes a crossing a WARN.
   */
  CROSSING("crossing", p("row_m", "m", 0)),
  /**
   * One industrial company's site (PP 20/2024 Art. 62, 63(3)): inside an operating estate, or outside with an Art. 62
   * exception; whether the kabupaten/kota has an operating estate is read from the loaded layers.
   */
  COMPANY_LOCATION("company-location", p("tolerance_ha", "ha", 0.01), p("tolerance_share", "%", 0.5)),
  /** Reports which administrative areas and priority regions the site lies in (information). */
  LOCATION("location");

  /**
   * A threshold a check type reads.
   *
   * @param name key under {@code thresholds:}
   * @param unit the only unit accepted for it
   * @param defaultValue value used when the rule omits the key; NaN means "no default, not used unless given"
   */
  public record Param(String name, String unit, double defaultValue) {}

  private final String wireName;
  private final Map<String, Param> params;

  CheckType(String wireName, Param... params) {
    this.wireName = wireName;
    Map<String, Param> m = new LinkedHashMap<>();
    for (Param p : params) {
      m.put(p.name(), p);
    }
    this.params = java.util.Collections.unmodifiableMap(m);
  }

  private static Param p(String name, String unit, double def) {
    return new Param(name, unit, def);
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The thresholds this type reads, keyed by name, in declaration order. */
  public Map<String, Param> params() {
    return params;
  }

  /** True for types whose threshold keys are open (setback: one key per water class). */
  public boolean openKeys() {
    return this == SETBACK;
  }

  @JsonCreator
  public static CheckType of(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (CheckType t : values()) {
      if (t.wireName.equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown check '" + name + "', expected one of "
        + Arrays.stream(values()).map(CheckType::wireName).collect(Collectors.joining(", ")));
  }
}
