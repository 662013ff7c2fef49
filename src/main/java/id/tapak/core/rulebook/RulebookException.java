package id.tapak.core.rulebook;

/**
 * The rulebook or its spec file is wrong. The message is one line naming the file, the rule id and the key, e.g.
 * {@code layers/rules/pp20-2024.yml: rule 'min-expanse': key 'thresholds.min_ha': unit must be ha, got m}.
 */
public class RulebookException extends RuntimeException {
  public RulebookException(String message) {
    super(message);
  }

  public RulebookException(String message, Throwable cause) {
    super(message, cause);
  }
}
