package id.tapak.core.corridor;

import id.tapak.core.model.Feature;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The grid's cells and candidate sites as features (lon/lat), for every publisher: GeoJSON from the API and the
 * CLI, and later the WMS and OGC API layers. Properties are flat scalars; hectares to 4 decimals.
 */
public final class GridFeatures {

  private GridFeatures() {}

  /**
   * One feature per cell: {@code score} (0-100; 0 when excluded), {@code score_class}, {@code excluded},
   * {@code free_ha},
   * {@code free_share}, {@code assessed}, and {@code d_<rule>_m} per access rule.
   */
  public static List<Feature> cells(SuitabilityGrid.Result g) {
    List<Feature> out = new ArrayList<>(g.cells().size());
    for (SuitabilityGrid.Cell c : g.cells()) {
      Map<String, @Nullable Object> p = new LinkedHashMap<>();
      p.put("corridor", g.corridor().spec().id());
      // an excluded cell scores 0: unsuitable, and `excluded` says it is the hard constraints, not the access
      p.put("score", c.score() == null ? 0.0 : round(c.score(), 1));
      p.put("score_class", scoreClass(c.score()));
      p.put("excluded", c.excluded());
      p.put("free_ha", round(c.freeHa(), 4));
      p.put("free_share", round(c.freeShare(), 4));
      p.put("assessed", c.assessed());
      c.distances().forEach((rule, d) -> p.put("d_" + rule.replace('-', '_') + "_m", d == null ? null
          : (double) Math.round(d)));
      out.add(new Feature(c.id(), c.geometry(), p));
    }
    return out;
  }

  /**
   * One feature per candidate: {@code rank}, {@code area_ha}, {@code mean_score}, {@code cells},
   * {@code location_verdict} (the location rules only) and {@code verdict} (the full check, whose masterplan rules
   * a bare location cannot meet), counts of FAIL, WARN and NOT_ASSESSED findings, and {@code report} (the path of the full report).
   */
  public static List<Feature> candidates(SuitabilityGrid.Result g, String reportBase) {
    List<Feature> out = new ArrayList<>();
    for (SuitabilityGrid.Candidate c : g.candidates()) {
      Map<String, @Nullable Object> p = new LinkedHashMap<>();
      p.put("corridor", g.corridor().spec().id());
      p.put("rank", c.rank());
      p.put("area_ha", round(c.ha(), 4));
      p.put("mean_score", round(c.meanScore(), 1));
      p.put("cells", c.cells());
      p.put("location_verdict", c.locationVerdict().name());
      p.put("verdict", c.report().verdict().name());
      p.put("fail", count(c.report().findings(), Status.FAIL));
      p.put("warn", count(c.report().findings(), Status.WARN));
      p.put("not_assessed", count(c.report().findings(), Status.NOT_ASSESSED));
      p.put("report", reportBase + "/" + c.rank());
      out.add(new Feature("candidate-" + c.rank(), c.site(), p));
    }
    return out;
  }

  /** The score in quarters ("0-25" … "75-100"), or "excluded": the classes of the WMS grid style. */
  static String scoreClass(@Nullable Double score) {
    if (score == null) {
      return "excluded";
    }
    return score >= 75 ? "75-100" : score >= 50 ? "50-75" : score >= 25 ? "25-50" : "0-25";
  }

  private static long count(List<Finding> fs, Status s) {
    return fs.stream().filter(f -> f.status() == s).count();
  }

  private static double round(double v, int decimals) {
    double k = Math.pow(10, decimals);
    return Math.round(v * k) / k;
  }
}
