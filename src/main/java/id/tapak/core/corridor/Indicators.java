package id.tapak.core.corridor;

import id.tapak.core.model.LocalizedText;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The land indicators of one region (a corridor, or one of its kabupaten/kota). All areas are geodesic hectares on
 * the WGS84 ellipsoid (GeographicLib); shares are percent. Every figure that depends on a layer's coverage says how
 * much of its base was assessed: the absence of a feature is evidence only inside the layer's coverage.
 *
 * @param code kabupaten/kota code, or the corridor id
 * @param name region name
 * @param areaHa the region
 * @param planCoveredHa part of the region the spatial plan covers (where "not KPI" is known)
 * @param planUncoveredHa part the plan does not cover: its KPI is unknown, never counted as zero
 * @param kpiHa industrial allocation (KPI) inside the region, from the plan classes of the rulebook's KPI rule
 * @param operatingEstateHa operating estates inside the region
 * @param operatingInKpiHa of which inside KPI
 * @param plannedEstateHa planned estates inside the region
 * @param plannedInKpiHa of which inside KPI
 * @param constraints one per hard constraint (LP2B, protected land, setbacks…): hectares of KPI it takes
 * @param freeKpiHa KPI minus estates (operating and planned) and every constraint found; an upper bound where a
 *     constraint layer does not cover the KPI
 * @param freeAssessedHa the part of {@code freeKpiHa} inside the coverage of every constraint layer: free for sure
 * @param freeUnassessedHa the rest of {@code freeKpiHa}: some constraint layer says nothing there
 * @param access one per access rule: how much of the free KPI lies within its distance
 * @param estates the operating estates in the region with the verdict of their audit check
 * @param notes what limits these figures (layers missing, coverage gaps), Indonesian and English
 * @param coverage every layer the figures read, with what it covers and how much of the region that is
 */
public record Indicators(
    String code,
    String name,
    double areaHa,
    double planCoveredHa,
    double planUncoveredHa,
    double kpiHa,
    double operatingEstateHa,
    double operatingInKpiHa,
    double plannedEstateHa,
    double plannedInKpiHa,
    List<Constraint> constraints,
    double freeKpiHa,
    double freeAssessedHa,
    double freeUnassessedHa,
    List<Access> access,
    List<EstateStatus> estates,
    List<LocalizedText> notes,
    List<LayerCoverage> coverage) {

  public Indicators {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    constraints = List.copyOf(constraints);
    access = List.copyOf(access);
    estates = List.copyOf(estates);
    notes = List.copyOf(notes);
    coverage = List.copyOf(coverage);
  }

  /**
   * What one layer the figures read says something about in this region: its coverage (a declared area, its own
   * polygons, or unknown) and the hectares of the region inside it.
   *
   * @param layer layer id
   * @param role its role
   * @param description the coverage, Indonesian and English
   * @param coveredHa hectares of the region inside the coverage (0 for unknown coverage)
   * @param sharePct the same as percent of the region
   */
  public record LayerCoverage(String layer, String role, LocalizedText description, double coveredHa,
      double sharePct) {}

  /**
   * A hard constraint inside the KPI.
   *
   * @param rule the rulebook rule it comes from (lp2b-overlap, protected-overlap, setback…)
   * @param title the rule's title
   * @param citation regulation and article
   * @param inKpiHa KPI hectares it takes (found in the loaded data)
   * @param kpiAssessedHa KPI hectares inside the coverage of its layers (where "none here" is known)
   * @param kpiUnassessedHa KPI hectares outside that coverage
   */
  public record Constraint(String rule, LocalizedText title, String citation, double inKpiHa, double kpiAssessedHa,
      double kpiUnassessedHa) {}

  /**
   * Free KPI within reach of one kind of infrastructure.
   *
   * @param rule the access rule (access-toll, access-port…)
   * @param title the rule's title
   * @param maxM its distance in metres (the rulebook's {@code max_m}: a setting)
   * @param withinHa free KPI hectares within {@code maxM} of a feature of its layers
   * @param sharePct {@code withinHa} as percent of the free KPI (null when there is no free KPI)
   * @param lowerBound true when a layer of the rule has no declared coverage: an unmapped road may make the true
   *     share higher, never lower
   */
  public record Access(String rule, LocalizedText title, double maxM, double withinHa, @Nullable Double sharePct,
      boolean lowerBound) {}

  /**
   * An operating estate of the region and its audit.
   *
   * @param id feature id in the estate layer
   * @param name estate name
   * @param ha geodesic hectares of its polygon
   * @param verdict verdict of checking its polygon against the rulebook (as {@code tapak audit} does)
   * @param ikm status of the IKM-land rule in that check (its data is usually missing: NOT_ASSESSED)
   */
  public record EstateStatus(String id, String name, double ha, String verdict, @Nullable String ikm) {}
}
