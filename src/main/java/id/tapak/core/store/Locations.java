package id.tapak.core.store;

import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import org.jspecify.annotations.Nullable;

/**
 * The places a checked site lies in, as both stores index them for the list's {@code place} filter: the subject of
 * the finding of the rulebook's {@code location} rule ({@code "kabupaten: Gresik; kecamatan: Manyar; …"}).
 */
final class Locations {

  /** Id of the rulebook's location rule ({@code layers/rules/pp20-2024.yml}). */
  static final String RULE = "location";

  private Locations() {}

  static @Nullable String of(ConformityReport r) {
    return r.finding(RULE).map(Finding::subject).orElse(null);
  }
}
