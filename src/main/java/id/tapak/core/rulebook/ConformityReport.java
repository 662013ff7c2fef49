package id.tapak.core.rulebook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The answer to one check: verdict, one finding per rule in rulebook order, and what was done to the input.
 *
 * @param id check id (short, URL-safe)
 * @param created when the check ran (UTC)
 * @param name the proposal's name (optional)
 * @param kind new, expansion or sentra-ikm
 * @param specialCase the Art. 78 special case claimed, or null
 * @param rulebook id of the rulebook used
 * @param verdict CONFORM, CONDITIONAL or NOT_CONFORM
 * @param siteHa geodesic hectares of the site
 * @param site the site, EPSG:4326 lon/lat (valid; repaired if the input was not)
 * @param findings one per rule
 * @param notes what was done to the input: repairs, ignored properties, where each value came from
 * @param netHa net developable hectares: the site minus setbacks, protected land, LP2B and water bodies found in it
 * @param dataUsed every layer the rules read, with title, source, date, geometry quality and regulation
 * @param location for each admin layer, the names of the areas the site lies in
 * @param kbli the company's KBLI code (industrial-company), or null
 * @param exception the Art. 62 exception claimed (industrial-company), or null
 */
public record ConformityReport(
    String id,
    Instant created,
    @Nullable String name,
    Proposal.Kind kind,
    Proposal.@Nullable SpecialCase specialCase,
    String rulebook,
    Verdict verdict,
    double siteHa,
    Geometry site,
    List<Finding> findings,
    List<String> notes,
    double netHa,
    List<DataUsed> dataUsed,
    List<Place> location,
    @Nullable String kbli,
    Proposal.@Nullable CompanyException exception) {

  public ConformityReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    dataUsed = List.copyOf(dataUsed);
    location = List.copyOf(location);
  }

  /**
   * One layer a report relied on.
   *
   * @param layer layer id
   * @param title layer title
   * @param source attribution or description of the source, or null
   * @param date date or version of the data, or null
   * @param geometryQuality how the geometry was made (survey, official, schematic…), or null when unknown
   * @param regulation the regulation a plan layer represents, or null
   * @param coverage what the layer covers
   */
  public record DataUsed(String layer, id.tapak.core.model.LocalizedText title, @Nullable String source,
      @Nullable String date, @Nullable String geometryQuality, @Nullable String regulation,
      id.tapak.core.model.LocalizedText coverage) {}

  /**
   * The areas of one admin layer the site lies in.
   *
   * @param layer admin layer id
   * @param title its title
   * @param names names of the features the site intersects
   */
  public record Place(String layer, id.tapak.core.model.LocalizedText title, List<String> names) {}

  /** The findings of rules that were not assessed over the whole site. */
  public List<Finding> notAssessed() {
    return findings.stream().filter(f -> f.status() == Status.NOT_ASSESSED).toList();
  }

  /** Gross hectares: the site as drawn (the figure the 50 ha rule decides on). */
  public double grossHa() {
    return siteHa;
  }

  /** The finding of one rule, if the rulebook has it. */
  public java.util.Optional<Finding> finding(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
  }
}
