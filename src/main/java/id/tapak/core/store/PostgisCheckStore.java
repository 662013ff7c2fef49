package id.tapak.core.store;

import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.catalog.Layer;
import id.tapak.core.publish.report.ReportWriter;
import id.tapak.core.rulebook.ConformityReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * Checks in schema {@code tapak} of a PostgreSQL/PostGIS database, shared by every Tapak instance that points at it:
 * a check stored by one instance is read, listed and drawn by all, because nothing is cached here (the version is
 * read from the database each time, see {@link #version()}).
 *
 * <p>Durability: each save is one transaction with {@code synchronous_commit = on}, so the 201 that follows it is
 * sent only after the database has flushed its WAL; a kill -9 of Tapak (or of the database host, given a server with
 * {@code fsync} on) cannot lose it. The schema is created and upgraded by Flyway migrations
 * ({@code db/tapak-checks/V*.sql}) at the first use, not at construction, so an instance starts while the database
 * is down and recovers when it comes back. While it is unreachable every operation throws
 * {@link StoreUnavailableException} (the web layer answers 503): nothing is half-written, since a failed
 * transaction is rolled back by the server.
 *
 * <p>Connections come from the given pool (HikariCP in the service); this class holds none between calls.
 */
public final class PostgisCheckStore implements StoredChecks {

  /** Flyway migrations of this store, on the classpath. */
  static final String MIGRATIONS = "classpath:db/tapak-checks";
  private static final String NAME = "the PostGIS check store";

  private final DataSource db;
  private volatile boolean migrated;
  /** The last version read, answered while the database is unreachable (renders then fail on their own query). */
  private volatile long lastVersion = -1;
  private static final int FETCH_SIZE = 500;
  private final Layer sites = new CheckLayer(CheckLayer.Kind.SITES, new Rows());
  private final Layer conflicts = new CheckLayer(CheckLayer.Kind.CONFLICTS, new Rows());

  /** A store over a pool; touches the database only on first use. */
  public PostgisCheckStore(DataSource db) {
    this.db = db;
  }

  /**
   * Creates or upgrades the schema now (idempotent, safe with several instances starting together).
   *
   * @throws StoreUnavailableException when the database cannot be reached
   */
  public void migrate() {
    if (migrated) {
      return;
    }
    synchronized (this) {
      if (migrated) {
        return;
      }
      try {
        Flyway.configure().dataSource(db).schemas("tapak").createSchemas(true).locations(MIGRATIONS)
            .table("flyway_schema_history").loggers("slf4j").load().migrate();
        migrated = true;
      } catch (FlywayException e) {
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof SQLException)) {
          root = root.getCause();
        }
        if (root instanceof SQLException sql && unavailable(sql)) {
          throw new StoreUnavailableException(NAME + " cannot be reached", e);
        }
        throw new IllegalStateException("cannot prepare schema tapak of " + NAME + ": " + e.getMessage(), e);
      }
    }
  }

  /** SQLSTATE classes that mean "try again later" rather than a bug: connection, resources, operator, read-only. */
  static boolean unavailable(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException
        || state == null && e.getMessage() != null && e.getMessage().contains("Connection is not available")
        || state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
        || state.equals("25006"));
  }

  private RuntimeException failure(String what, SQLException e) {
    if (unavailable(e)) {
      return new StoreUnavailableException(NAME + " cannot " + what + " now: the database is unreachable or full", e);
    }
    return new IllegalStateException(NAME + " cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public byte[] save(ConformityReport r, @Nullable String createdBy) {
    migrate();
    byte[] json = ReportWriter.json(r, null);
    WKBWriter wkb = new WKBWriter(2);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          // the pool may point at a server tuned for speed (the test cluster is): an acknowledged check waits for
          // its WAL flush regardless
          s.execute("SET LOCAL synchronous_commit TO on");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tapak.checks (id, created, name, kind, verdict, "
            + "site_ha, rulebook, location, report, geojson, site, created_by) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,ST_GeomFromWKB(?, 4326),?)")) {
          ps.setString(1, r.id());
          ps.setTimestamp(2, Timestamp.from(r.created()));
          ps.setString(3, r.name());
          ps.setString(4, r.kind().wireName());
          ps.setString(5, r.verdict().name());
          ps.setDouble(6, r.siteHa());
          ps.setString(7, r.rulebook());
          ps.setString(8, Locations.of(r));
          ps.setBytes(9, json);
          ps.setBytes(10, ReportWriter.geoJson(r));
          ps.setBytes(11, wkb.write(r.site()));
          ps.setString(12, createdBy);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tapak.conflicts (check_id, rule, status, "
            + "hectares, message, geom) VALUES (?,?,?,?,?,ST_GeomFromWKB(?, 4326))")) {
          ConflictRows.addBatch(ps, r);
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("store check " + r.id() + " (nothing was stored)", e);
    }
    return json;
  }

  /** Conflicts go with their check ({@code ON DELETE CASCADE}). */
  @Override
  public boolean delete(String id) {
    migrate();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM tapak.checks WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure("delete check " + id + " (nothing was deleted)", e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the server rolls the transaction back itself
    }
  }

  @Override
  public Optional<StoredCheck> find(String id) {
    migrate();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + FilterSql.SUMMARY + ", report, geojson FROM tapak.checks "
            + "WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredCheck(FilterSql.summary(rs, FilterSql.Dialect.POSTGRES), rs.getBytes(9),
            rs.getBytes(10)));
      }
    } catch (SQLException e) {
      throw failure("read check " + id, e);
    }
  }

  @Override
  public List<CheckSummary> list(CheckFilter filter, int limit, int offset) {
    migrate();
    try (Connection c = db.getConnection()) {
      return FilterSql.of(filter, FilterSql.Dialect.POSTGRES).page(c, "tapak.checks", limit, offset);
    } catch (SQLException e) {
      throw failure("list checks", e);
    }
  }

  @Override
  public long count(CheckFilter filter) {
    migrate();
    try (Connection c = db.getConnection()) {
      return FilterSql.of(filter, FilterSql.Dialect.POSTGRES).count(c, "tapak.checks");
    } catch (SQLException e) {
      throw failure("count checks", e);
    }
  }

  @Override
  public Layer sites() {
    return sites;
  }

  @Override
  public Layer conflicts() {
    return conflicts;
  }

  /** The rows behind both layers: a pooled connection per query, streamed through a cursor. */
  private final class Rows implements CheckLayer.Rows {

    @Override
    public void visit(CheckLayer.Kind kind, @Nullable Envelope box, @Nullable String featureId,
        FeatureVisitor visitor) {
      migrate();
      try (Connection c = db.getConnection()) {
        c.setAutoCommit(false); // pgjdbc streams with a cursor only inside a transaction
        try {
          StoredFeatures.visit(c, FilterSql.Dialect.POSTGRES, kind, box, featureId, FETCH_SIZE, visitor);
        } finally {
          rollback(c);
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw failure("read " + kind.id(), e);
      }
    }

    @Override
    public long count(CheckLayer.Kind kind) {
      migrate();
      try (Connection c = db.getConnection()) {
        return StoredFeatures.count(c, FilterSql.Dialect.POSTGRES, kind);
      } catch (SQLException e) {
        throw failure("count " + kind.id(), e);
      }
    }

    @Override
    public long version() {
      return PostgisCheckStore.this.version();
    }
  }

  /**
   * {@code max(seq)} and {@code count(*)} of {@code tapak.checks}, read from the database each time, so every instance
   * sharing it sees the others' checks: a save raises {@code max(seq)} (a sequence never hands out a number twice),
   * a delete without a save lowers the count, so the pair changes on any save or delete and a tile cache keyed on it
   * is never stale. Only committed rows count, so the version cannot move before the data is visible (a change
   * counter bumped by a trigger would, unless it serialised every save on one row). Both come from the primary key
   * index; the count is an index scan, a few ms for 100 000 checks.
   */
  @Override
  public long version() {
    try {
      migrate();
      try (Connection c = db.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0), count(*) FROM tapak.checks")) {
        lastVersion = rs.next() ? rs.getLong(1) * 1_000_003L + rs.getLong(2) : 0;
      }
    } catch (SQLException | StoreUnavailableException e) {
      // unreachable: keep the last version; whatever is then drawn fails on its own query with a clear answer
    }
    return lastVersion;
  }

  /** The pool belongs to whoever made it (the Spring context closes it). */
  @Override
  public void close() {}
}
