package id.tapak.core.rulebook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a breached rule reports: a legal requirement fails, a guideline warns. */
public enum Severity {
  /** Legal requirement: a breach is a FAIL and makes the verdict NOT_CONFORM. */
  FAIL,
  /** Guideline: a breach is a WARN, allowed in a CONFORM verdict. */
  WARN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Severity of(String s) {
    for (Severity v : values()) {
      if (v.wireName().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + s + "', expected fail or warn");
  }

  /** The status a breach gets. */
  public Status breach() {
    return this == FAIL ? Status.FAIL : Status.WARN;
  }
}
