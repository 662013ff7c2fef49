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
 * @param notes what was done to the input: repairs, ignored properties
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
    List<String> notes) {

  public ConformityReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** The finding of one rule, if the rulebook has it. */
  public java.util.Optional<Finding> finding(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
  }
}
