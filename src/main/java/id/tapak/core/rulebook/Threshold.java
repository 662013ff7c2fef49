package id.tapak.core.rulebook;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One figure a rule compares against.
 *
 * @param value the figure, in {@code unit}
 * @param unit one of ha, m2, m, % (checked against the check type's declaration)
 * @param basis where the figure comes from when it is a setting rather than the rule's own citation (optional)
 */
public record Threshold(double value, String unit, @Nullable String basis) {
  public Threshold {
    Objects.requireNonNull(unit, "threshold unit is required");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("threshold value must be a finite number >= 0, got " + value);
    }
  }
}
