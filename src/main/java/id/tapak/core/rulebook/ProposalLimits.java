package id.tapak.core.rulebook;

import java.time.Duration;

/**
 * Size and cost limits on a proposal, so one request cannot tie up the service. Exceeding a size is a 413 / CLI exit
 * 2; a geometry too complex to repair a 422; an upload that outruns its time budget a 503. See {@code docs/limits.md}.
 *
 * @param maxVertices most positions over all site and zone geometries (default 50,000)
 * @param maxBytes largest request body or upload in bytes (default 20 MB)
 * @param maxFeatures most features in a FeatureCollection (default 1,000)
 * @param maxSelfIntersections most points where an invalid polygon's boundary crosses itself that are still repaired
 *     (default 1,000; repair cost grows with them, see {@link id.tapak.core.geo.GeometryRepair})
 * @param uploadBudget how long reading an uploaded file may take (default 10 s)
 */
public record ProposalLimits(int maxVertices, long maxBytes, int maxFeatures, int maxSelfIntersections,
    Duration uploadBudget) {
  public static final int DEFAULT_MAX_SELF_INTERSECTIONS = 1_000;
  public static final Duration DEFAULT_UPLOAD_BUDGET = Duration.ofSeconds(10);
  public static final ProposalLimits DEFAULT = new ProposalLimits(50_000, 20L * 1024 * 1024, 1_000);

  public ProposalLimits {
    if (maxVertices < 4 || maxBytes < 1 || maxFeatures < 1 || maxSelfIntersections < 0) {
      throw new IllegalArgumentException("proposal limits must be positive (maxVertices >= 4)");
    }
    if (uploadBudget.isNegative() || uploadBudget.isZero()) {
      throw new IllegalArgumentException("the upload time budget must be positive, got " + uploadBudget);
    }
  }

  /** The size limits with the default repair and time limits. */
  public ProposalLimits(int maxVertices, long maxBytes, int maxFeatures) {
    this(maxVertices, maxBytes, maxFeatures, DEFAULT_MAX_SELF_INTERSECTIONS, DEFAULT_UPLOAD_BUDGET);
  }
}
