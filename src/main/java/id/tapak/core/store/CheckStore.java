package id.tapak.core.store;

import id.tapak.core.rulebook.ConformityReport;
import java.util.List;
import java.util.Optional;

/**
 * Where checks are kept. {@link #save} returns only once the check is durable, so an acknowledged check survives a
 * crash. Implementations are thread-safe. The embedded implementation is {@link SqliteCheckStore}; a PostGIS one
 * can follow behind the same interface.
 */
public interface CheckStore extends AutoCloseable {

  /** Stores a check durably (committed and synced) before returning. */
  void save(ConformityReport report);

  /** A stored check by id. */
  Optional<StoredCheck> find(String id);

  /** A page of stored checks, newest first. */
  List<CheckSummary> list(int limit, int offset);

  /** How many checks are stored. */
  long count();

  @Override
  void close();

  /**
   * One row of the check list.
   *
   * @param id check id
   * @param created ISO-8601 UTC instant
   * @param name proposal name, may be null
   * @param verdict CONFORM, CONDITIONAL or NOT_CONFORM
   * @param siteHa geodesic hectares of the site
   */
  record CheckSummary(String id, String created, @org.jspecify.annotations.Nullable String name, String verdict,
      double siteHa) {}

  /**
   * A stored check as it was answered.
   *
   * @param summary the list row
   * @param reportJson the JSON report, UTF-8
   * @param geoJson the site and conflicts FeatureCollection, UTF-8
   */
  record StoredCheck(CheckSummary summary, byte[] reportJson, byte[] geoJson) {}
}
