package id.tapak.core.rulebook;

import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.model.LayerRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rulebook's executable examples ({@code *.spec.yml}): each example is a proposal as WKT (lon/lat), tiny layers as
 * WKT, and the expected status per rule (and optionally the verdict). Run by {@link RuleSpecRunner} from JUnit and
 * from {@code tapak rules verify}.
 *
 * @param rulebook path of the rulebook, relative to the spec file
 * @param examples the examples
 * @param covered layers (usually without features) whose coverage spans the examples' area: added to every example
 *     that says {@code covered: true}, so that "nothing there" is evidence and a verdict can be CONFORM
 */
public record RuleSpec(String rulebook, List<Example> examples, @Nullable List<LayerFixture> covered) {
  public RuleSpec {
    Objects.requireNonNull(rulebook, "rulebook is required");
    examples = List.copyOf(Objects.requireNonNull(examples, "examples is required"));
    covered = covered == null ? List.of() : List.copyOf(covered);
  }

  /**
   * One worked example.
   *
   * @param name what it shows
   * @param proposal the request
   * @param layers the catalog it runs against (possibly empty)
   * @param expect expected status per rule id; rules not named are not asserted
   * @param verdict expected verdict (optional)
   * @param measured expected measured value per rule id (in the finding's unit, to 0.01 or 0.1 %)
   * @param assessedHa expected assessed hectares per rule id (to 0.01 ha or 0.1 %)
   * @param unassessedHa expected unassessed hectares per rule id (to 0.01 ha or 0.1 %)
   * @param covered true to add the spec's {@code covered} layers to this example's
   */
  public record Example(String name, ProposalSpec proposal, @Nullable List<LayerFixture> layers,
      Map<String, Status> expect, @Nullable Verdict verdict, @Nullable Map<String, Double> measured,
      @Nullable Map<String, Double> assessedHa, @Nullable Map<String, Double> unassessedHa,
      @Nullable Boolean covered) {
    public Example {
      Objects.requireNonNull(name, "name is required");
      Objects.requireNonNull(proposal, "proposal is required");
      layers = layers == null ? List.of() : List.copyOf(layers);
      expect = new LinkedHashMap<>(Objects.requireNonNull(expect, "expect is required"));
      measured = measured == null ? Map.of() : new LinkedHashMap<>(measured);
      assessedHa = assessedHa == null ? Map.of() : new LinkedHashMap<>(assessedHa);
      unassessedHa = unassessedHa == null ? Map.of() : new LinkedHashMap<>(unassessedHa);
    }
  }

  /**
   * The request of an example.
   *
   * @param wkt the site, WKT in lon/lat
   * @param properties request properties as sent in the GeoJSON Feature (kind, ikm_ha…)
   * @param zones land-use zones
   */
  public record ProposalSpec(String wkt, @Nullable Map<String, Object> properties, @Nullable List<ZoneSpec> zones) {
    public ProposalSpec {
      Objects.requireNonNull(wkt, "proposal.wkt is required");
      properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
      zones = zones == null ? List.of() : List.copyOf(zones);
    }
  }

  /** A zone polygon: its use and WKT. */
  public record ZoneSpec(String use, String wkt) {}

  /**
   * A tiny layer.
   *
   * @param id layer id (default: role with _ and the position)
   * @param role its role
   * @param fields attribute mapping as in tapak.yml
   * @param features the features
   * @param coverage its coverage as in tapak.yml (default: features for plans, unknown otherwise)
   */
  public record LayerFixture(@Nullable String id, LayerRole role, @Nullable FieldMapping fields,
      @Nullable List<FeatureFixture> features, id.tapak.core.catalog.@Nullable CoverageSpec coverage) {
    public LayerFixture {
      Objects.requireNonNull(role, "role is required");
      features = features == null ? List.of() : List.copyOf(features);
    }
  }

  /** A feature: WKT in lon/lat and attributes. */
  public record FeatureFixture(String wkt, @Nullable Map<String, Object> properties) {}
}
