package id.tapak.core.rulebook;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.tapak.core.model.TapakException;

/**
 * Fuzzes the GeoJSON proposal reader (Jackson with the nesting limit, {@code GeoJson.parse}, repair): any input is
 * a {@link Proposal} or a {@link TapakException} naming the field; anything else (another exception, a stack
 * overflow) is a finding. Seeds and crash fixtures: src/test/resources/id/tapak/core/rulebook/ProposalFuzzTestInputs.
 * {@code scripts/test} runs the seeds and fuzzes briefly; {@code scripts/bench fuzz} fuzzes longer.
 */
class ProposalFuzzTest {

  private static final ProposalParser PARSER = new ProposalParser(new ProposalLimits(5_000, 1 << 20, 50));

  @FuzzTest(maxDuration = "5s")
  void geoJsonProposal(byte[] body) {
    try {
      PARSER.parse(body);
    } catch (TapakException refused) {
      // the documented answer to bad input
    }
  }
}
