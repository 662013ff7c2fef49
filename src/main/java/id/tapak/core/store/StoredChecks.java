package id.tapak.core.store;

import id.tapak.core.catalog.Layer;

/**
 * A check store whose checks are also two ordinary layers ({@link CheckLayer}: {@code check_sites},
 * {@code check_conflicts}) that publishers (the WMS) read like any other. Both implementations are both.
 */
public interface StoredChecks extends CheckStore {

  /** The stored checks' sites as a layer. */
  Layer sites();

  /** The stored checks' conflicts and parts not assessed as a layer. */
  Layer conflicts();

  /**
   * A number that changes whenever a check is stored or deleted, by this instance or any other sharing the store
   * (SQLite: a counter in this process, the file has one writer; PostGIS: read from the database each time).
   */
  long version();
}
