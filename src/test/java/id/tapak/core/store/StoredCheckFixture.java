package id.tapak.core.store;

import id.tapak.core.model.LocalizedText;
import id.tapak.core.rulebook.Citation;
import id.tapak.core.rulebook.Confidence;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.Severity;
import id.tapak.core.rulebook.Status;
import id.tapak.core.rulebook.Verdict;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Reports of chosen id, verdict, site and conflict, for tests of what the store's layers give back (a real check
 * would decide the verdict itself; these tests are about storing and drawing, not about the rules).
 */
public final class StoredCheckFixture {

  private StoredCheckFixture() {}

  /**
   * @param conflict an LP2B overlap (FAIL, {@code lp2b-overlap}) of this geometry, or null for none
   */
  public static ConformityReport report(String id, String name, Verdict verdict, double siteHa, Geometry site,
      @Nullable Geometry conflict) {
    List<Finding> findings = conflict == null ? List.of() : List.of(new Finding("lp2b-overlap",
        LocalizedText.of("LP2B", "LP2B"), Status.FAIL, 12.5, "ha", 0.0, new Citation("UU 41/2009", "Pasal 44"),
        Confidence.CONFIRMED, null, LocalizedText.of("Tumpang tindih LP2B", "LP2B overlap"), null, conflict, 12.5,
        Severity.FAIL, siteHa, 0.0, null, null));
    return new ConformityReport(id, Instant.parse("2026-12-01T00:00:00Z"), name, Proposal.Kind.NEW, null, "pp20-2024",
        verdict, siteHa, site, findings, List.of(), siteHa, List.of(), List.of(), null, null);
  }
}
