package id.tapak.core.rulebook;

/**
 * The outcome of one rule for one site. NOT_APPLICABLE: the rule does not concern this kind of proposal (a Sentra IKM
 * rule for an estate). NOT_ASSESSED (<i>tidak dapat dinilai</i>): the rule concerns the site but the loaded data
 * cannot decide it over the whole site (no layer of the role, part of the site outside the layers' coverage, or a
 * layer without the classes the rule needs); the finding says why and how many hectares were assessed.
 */
public enum Status {
  PASS, WARN, FAIL, NOT_APPLICABLE, NOT_ASSESSED;

  /** The Indonesian label shown in reports. */
  public String label() {
    return switch (this) {
      case PASS -> "memenuhi";
      case WARN -> "peringatan";
      case FAIL -> "tidak memenuhi";
      case NOT_APPLICABLE -> "tidak berlaku";
      case NOT_ASSESSED -> "tidak dapat dinilai";
    };
  }
}
