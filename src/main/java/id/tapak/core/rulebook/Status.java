package id.tapak.core.rulebook;

/** The outcome of one rule for one site. */
public enum Status {
  PASS, WARN, FAIL, NOT_APPLICABLE
}
