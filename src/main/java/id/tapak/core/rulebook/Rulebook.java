package id.tapak.core.rulebook;

import id.tapak.core.model.LocalizedText;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rulebook: rules as data ({@code layers/rules/*.yml}), bound by {@link RulebookLoader}. Immutable.
 *
 * @param id short identifier, e.g. pp20-2024
 * @param title title in Indonesian and English
 * @param description what the rulebook covers and what it leaves out (optional)
 * @param rules the rules, in report order
 */
public record Rulebook(String id, LocalizedText title, @Nullable String description, List<Rule> rules) {
  public Rulebook {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(title, "title is required");
    rules = List.copyOf(Objects.requireNonNull(rules, "rules is required"));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a rulebook needs at least one rule");
    }
    Set<String> ids = new HashSet<>();
    for (Rule r : rules) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("duplicate rule id '" + r.id() + "'");
      }
    }
  }

  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }
}
