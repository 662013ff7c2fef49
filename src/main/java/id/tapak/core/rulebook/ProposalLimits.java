package id.tapak.core.rulebook;

/**
 * Size limits on a proposal, so one request cannot tie up the service. Exceeding one is a 413 / CLI exit 2.
 *
 * @param maxVertices most positions over all site and zone geometries (default 50,000)
 * @param maxBytes largest request body or upload in bytes (default 20 MB)
 * @param maxFeatures most features in a FeatureCollection (default 1,000)
 */
public record ProposalLimits(int maxVertices, long maxBytes, int maxFeatures) {
  public static final ProposalLimits DEFAULT = new ProposalLimits(50_000, 20L * 1024 * 1024, 1_000);

  public ProposalLimits {
    if (maxVertices < 4 || maxBytes < 1 || maxFeatures < 1) {
      throw new IllegalArgumentException("proposal limits must be positive (maxVertices >= 4)");
    }
  }
}
