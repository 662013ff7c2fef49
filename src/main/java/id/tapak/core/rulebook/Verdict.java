package id.tapak.core.rulebook;

import java.util.List;

/**
 * The overall answer. Any FAIL makes NOT_CONFORM (a breach found on the assessed part is a breach); otherwise a rule
 * that can FAIL (severity fail) but was not assessed over the whole site makes INCOMPLETE (<i>belum dapat
 * disimpulkan</i>): absence of data is never evidence; otherwise a finding that holds only on a condition (an Art. 78
 * special case, an Art. 62 exception) makes CONDITIONAL; otherwise CONFORM, WARNs and unassessed guidelines included.
 */
public enum Verdict {
  CONFORM, CONDITIONAL, NOT_CONFORM, INCOMPLETE;

  public static Verdict of(List<Finding> findings) {
    boolean conditional = false;
    boolean incomplete = false;
    for (Finding f : findings) {
      if (f.status() == Status.FAIL) {
        return NOT_CONFORM;
      }
      incomplete |= f.status() == Status.NOT_ASSESSED && f.severity() == Severity.FAIL;
      conditional |= f.condition() != null;
    }
    return incomplete ? INCOMPLETE : conditional ? CONDITIONAL : CONFORM;
  }

  /** The Indonesian label shown in reports. */
  public String label() {
    return switch (this) {
      case CONFORM -> "sesuai";
      case CONDITIONAL -> "sesuai bersyarat";
      case NOT_CONFORM -> "tidak sesuai";
      case INCOMPLETE -> "belum dapat disimpulkan";
    };
  }
}
