package id.tapak.core.rulebook;

import java.util.Objects;

/**
 * Where a rule comes from.
 *
 * @param regulation e.g. "PP 20/2024"
 * @param article e.g. "Pasal 49"
 */
public record Citation(String regulation, String article) {
  public Citation {
    Objects.requireNonNull(regulation, "citation.regulation is required");
    Objects.requireNonNull(article, "citation.article is required");
  }

  /** "PP 20/2024 Pasal 49". */
  public String text() {
    return regulation + " " + article;
  }
}
