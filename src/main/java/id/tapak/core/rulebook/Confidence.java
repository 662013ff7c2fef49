package id.tapak.core.rulebook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How sure the figure behind a rule is: {@code confirmed} figures were read in the regulation text and may fail a
 * site; {@code guideline} figures are secondary, delegated or undefined and are settings that may only warn.
 */
public enum Confidence {
  CONFIRMED, GUIDELINE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Confidence of(String s) {
    for (Confidence v : values()) {
      if (v.wireName().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown confidence '" + s + "', expected confirmed or guideline");
  }
}
