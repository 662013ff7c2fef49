package id.tapak.core.rulebook;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.MemoryLayer;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.model.TapakException;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a spec file: for each example builds the tiny catalog, hands the proposal's geometries and properties to
 * {@link ProposalParser#build} (so the request path's checks, repair and property rules apply, without writing
 * GeoJSON only to read it again) and the engine, and compares the status of each named rule. Stateless.
 */
public final class RuleSpecRunner {

  private static final JsonMapper JSON = GeoJson.JSON;

  private RuleSpecRunner() {}

  /**
   * One comparison.
   *
   * @param example the example's name
   * @param rule the rule id, or "verdict"
   * @param expected expected status or verdict
   * @param actual what the engine said
   * @param message the finding's English message (for failure output)
   */
  public record Outcome(String example, String rule, String expected, String actual, String message) {
    public boolean ok() {
      return expected.equals(actual);
    }
  }

  /** Binds a spec file and its rulebook; errors name the file, the example and the key. */
  public static RuleSpec read(Path specFile) {
    return RulebookLoader.bind(specFile, RuleSpec.class);
  }

  /** Runs every example of a spec file. */
  public static List<Outcome> run(Path specFile) {
    RuleSpec spec = read(specFile);
    Path base = specFile.toAbsolutePath().getParent();
    Rulebook rulebook = RulebookLoader.read(base.resolve(spec.rulebook()).normalize());
    List<Outcome> out = new ArrayList<>();
    for (RuleSpec.Example ex : spec.examples()) {
      out.addAll(run(ex, rulebook, specFile, spec.covered()));
    }
    return out;
  }

  /** Runs one example; {@code covered} are the spec's covered layers, added when the example asks for them. */
  public static List<Outcome> run(RuleSpec.Example ex, Rulebook rulebook, Path specFile,
      List<RuleSpec.LayerFixture> covered) {
    java.util.Set<String> named = new java.util.LinkedHashSet<>(ex.expect().keySet());
    named.addAll(ex.measured().keySet());
    named.addAll(ex.assessedHa().keySet());
    named.addAll(ex.unassessedHa().keySet());
    for (String ruleId : named) {
      if (rulebook.rule(ruleId).isEmpty()) {
        throw new RulebookException(specFile + ": example '" + ex.name() + "': key 'expect." + ruleId
            + "': no such rule in rulebook " + rulebook.id());
      }
    }
    Catalog catalog = catalog(ex, specFile, Boolean.TRUE.equals(ex.covered()) ? covered : List.of());
    Proposal proposal;
    try {
      proposal = new ProposalParser(ProposalLimits.DEFAULT).build(parts(ex.proposal(), specFile, ex.name()));
    } catch (TapakException e) {
      throw new RulebookException(specFile + ": example '" + ex.name() + "': proposal refused: " + e.getMessage(), e);
    }
    ConformityReport r = new ConformityEngine(catalog, rulebook).check(proposal, "spec");
    List<Outcome> out = new ArrayList<>();
    for (Map.Entry<String, Status> e : ex.expect().entrySet()) {
      Finding f = r.finding(e.getKey()).orElseThrow();
      out.add(new Outcome(ex.name(), e.getKey(), e.getValue().name(), f.status().name(), f.message().en()));
    }
    figures(out, ex, r, "measured", ex.measured(), Finding::measured);
    figures(out, ex, r, "assessedHa", ex.assessedHa(), Finding::assessedHa);
    figures(out, ex, r, "unassessedHa", ex.unassessedHa(), Finding::unassessedHa);
    if (ex.verdict() != null) {
      out.add(new Outcome(ex.name(), "verdict", ex.verdict().name(), r.verdict().name(), why(r)));
    }
    return out;
  }

  /** Compares figures: within 0.01 (absolute) or 0.1 % (relative), whichever is larger. */
  private static void figures(List<Outcome> out, RuleSpec.Example ex, ConformityReport r, String what,
      Map<String, Double> expected, java.util.function.Function<Finding, @Nullable Double> get) {
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      Finding f = r.finding(e.getKey()).orElseThrow();
      Double v = get.apply(f);
      double want = e.getValue();
      boolean ok = v != null && Math.abs(v - want) <= Math.max(0.01, 0.001 * Math.abs(want));
      String exp = String.valueOf(want);
      out.add(new Outcome(ex.name(), e.getKey() + " " + what, exp, ok ? exp : String.valueOf(v), f.message().en()));
    }
  }

  private static Catalog catalog(RuleSpec.Example ex, Path specFile, List<RuleSpec.LayerFixture> covered) {
    List<LayerSpec> specs = new ArrayList<>();
    List<Layer> layers = new ArrayList<>();
    int i = 0;
    List<RuleSpec.LayerFixture> all = new ArrayList<>(ex.layers());
    all.addAll(covered);
    for (RuleSpec.LayerFixture lf : all) {
      i++;
      String id = lf.id() != null ? lf.id() : lf.role().wireName().replace('-', '_') + "_" + i;
      LayerSpec ls = new LayerSpec(id, LocalizedText.of(id, id), lf.role(),
          new SourceSpec(SourceType.GEOJSON, "inline", null, null), lf.fields(), null, null, null, lf.coverage(),
          null, null, null);
      List<Feature> fs = new ArrayList<>();
      int k = 0;
      for (RuleSpec.FeatureFixture ff : lf.features()) {
        k++;
        Map<String, @Nullable Object> props = new LinkedHashMap<>();
        if (ff.properties() != null) {
          props.putAll(ff.properties());
        }
        fs.add(new Feature(String.valueOf(k), wkt(ff.wkt(), specFile, ex.name()), props));
      }
      specs.add(ls);
      layers.add(MemoryLayer.of(ls, fs));
    }
    ProjectFile pf = new ProjectFile(new ProjectInfo("spec", LocalizedText.of("spec", "spec")), specs, null);
    return new Catalog(pf, specFile, layers);
  }

  private static Geometry wkt(String text, Path specFile, String example) {
    try {
      Geometry g = new WKTReader(GeoJson.FACTORY).read(text);
      return g;
    } catch (ParseException e) {
      throw new RulebookException(specFile + ": example '" + example + "': bad WKT: " + e.getMessage(), e);
    }
  }

  /**
   * The example's proposal as the parts a client's GeoJSON would give: the site (feature 0, its properties), then
   * one zone per {@code zones} entry with its {@code use}; paths in messages are the request's
   * ({@code features[i].}) when there are zones.
   */
  private static List<ProposalParser.Part> parts(RuleSpec.ProposalSpec p, Path specFile, String example) {
    boolean fc = !p.zones().isEmpty();
    List<ProposalParser.Part> parts = new ArrayList<>();
    parts.add(new ProposalParser.Part(fc ? "features[0]." : "", wkt(p.wkt(), specFile, example),
        JSON.valueToTree(p.properties() == null ? Map.of() : p.properties())));
    for (RuleSpec.ZoneSpec z : p.zones()) {
      parts.add(new ProposalParser.Part("features[" + parts.size() + "].", wkt(z.wkt(), specFile, example),
          JSON.valueToTree(Map.of("use", z.use()))));
    }
    return parts;
  }

  /** Why the verdict is what it is, for a mismatch: each finding that is not PASS or NOT_APPLICABLE. */
  private static String why(ConformityReport r) {
    return r.findings().stream().filter(f -> f.status() != Status.PASS && f.status() != Status.NOT_APPLICABLE)
        .map(f -> f.status() + " " + f.ruleId() + ": " + f.message().en()).collect(Collectors.joining("; "));
  }
}
