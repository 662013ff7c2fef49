package id.tapak.core.rulebook;

import java.util.List;

/**
 * The overall answer. Any FAIL makes NOT_CONFORM; otherwise a finding that holds only on a condition (an Art. 78
 * special case) makes CONDITIONAL; otherwise CONFORM, WARNs included.
 */
public enum Verdict {
  CONFORM, CONDITIONAL, NOT_CONFORM;

  public static Verdict of(List<Finding> findings) {
    boolean conditional = false;
    for (Finding f : findings) {
      if (f.status() == Status.FAIL) {
        return NOT_CONFORM;
      }
      conditional |= f.condition() != null;
    }
    return conditional ? CONDITIONAL : CONFORM;
  }
}
