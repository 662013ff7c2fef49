package id.tapak.core.store;

import id.tapak.core.rulebook.ConformityReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where checks are kept. {@link #save} returns only once the check is durable, so an acknowledged check survives a
 * crash. Implementations are thread-safe. Two implementations, chosen by {@link StoreType}: the embedded
 * {@link SqliteCheckStore} (one instance, one file) and {@link PostgisCheckStore} (several stateless instances share
 * one database).
 */
public interface CheckStore extends AutoCloseable {

  /** The closed set of store implementations ({@code tapak.checks.store}). */
  enum StoreType {
    /** {@code <data-dir>/checks.sqlite}, the default: no database needed, one instance. */
    SQLITE,
    /** Tables in schema {@code tapak} of the configured PostgreSQL/PostGIS database, shared by every instance. */
    POSTGIS
  }

  /**
   * Stores a check durably (committed and synced) before returning.
   *
   * @return the JSON report as stored ({@code ReportWriter.json(report, null)}, UTF-8), so the caller can answer with
   *     the very bytes kept instead of writing the report again
   * @throws StoreUnavailableException when the store cannot be written now (database down, disk full); nothing was
   *     stored
   */
  byte[] save(ConformityReport report, @Nullable String createdBy);

  /** Stores a check made by no named caller (the CLI, tests of the store); returns the stored JSON report. */
  default byte[] save(ConformityReport report) {
    return save(report, null);
  }

  /**
   * Deletes a stored check and its conflicts; false when there is none with this id.
   *
   * @throws StoreUnavailableException when the store cannot be written now; nothing was deleted
   */
  boolean delete(String id);

  /** A stored check by id. */
  Optional<StoredCheck> find(String id);

  /** A page of the stored checks that match the filter, newest first. */
  List<CheckSummary> list(CheckFilter filter, int limit, int offset);

  /** How many stored checks match the filter. */
  long count(CheckFilter filter);

  /** A page of all stored checks, newest first. */
  default List<CheckSummary> list(int limit, int offset) {
    return list(CheckFilter.ALL, limit, offset);
  }

  /** How many checks are stored. */
  default long count() {
    return count(CheckFilter.ALL);
  }

  @Override
  void close();

  /**
   * Which stored checks a list asks for; every part is optional and the parts are combined with AND.
   *
   * @param from checks made at or after this instant
   * @param to checks made before this instant (exclusive)
   * @param verdict this verdict only (a {@code Verdict} name)
   * @param place a place name the site lies in, matched case-insensitively as a substring of the location finding
   *     (kabupaten/kota, kecamatan, priority region), at most {@value #MAX_PLACE} characters
   * @param rulebook this rulebook id only
   */
  record CheckFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String verdict, @Nullable String place,
      @Nullable String rulebook) {

    /** Longest place text accepted: place names are short, and the text becomes a LIKE pattern. */
    public static final int MAX_PLACE = 100;

    /** No filter. */
    public static final CheckFilter ALL = new CheckFilter(null, null, null, null, null);

    public CheckFilter {
      if (from != null && to != null && !from.isBefore(to)) {
        throw new IllegalArgumentException("from " + from + " must be before to " + to);
      }
      place = blankToNull(place);
      verdict = blankToNull(verdict);
      rulebook = blankToNull(rulebook);
      if (place != null && place.length() > MAX_PLACE) {
        throw new IllegalArgumentException("place is longer than " + MAX_PLACE + " characters");
      }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }

    /** The place as a LIKE pattern matching it anywhere, with {@code \} escaping the wildcards it contains. */
    @Nullable String placePattern() {
      if (place == null) {
        return null;
      }
      return "%" + place.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
  }

  /**
   * One row of the check list.
   *
   * @param id check id
   * @param created ISO-8601 UTC instant
   * @param name proposal name, may be null
   * @param verdict a {@code Verdict} name
   * @param siteHa geodesic hectares of the site
   * @param rulebook id of the rulebook the check used, null for checks stored before it was recorded
   * @param location the location finding's subject (the places the site lies in), may be null
   * @param createdBy name of the access token that made the check, null for checks stored before it was recorded
   */
  record CheckSummary(String id, String created, @Nullable String name, String verdict, double siteHa,
      @Nullable String rulebook, @Nullable String location, @Nullable String createdBy) {}

  /**
   * A stored check as it was answered.
   *
   * @param summary the list row
   * @param reportJson the JSON report, UTF-8
   * @param geoJson the site and conflicts FeatureCollection, UTF-8
   */
  record StoredCheck(CheckSummary summary, byte[] reportJson, byte[] geoJson) {}
}
