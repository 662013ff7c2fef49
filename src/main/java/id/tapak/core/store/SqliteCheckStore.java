package id.tapak.core.store;

import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.catalog.Layer;
import id.tapak.core.publish.report.ReportWriter;
import id.tapak.core.rulebook.ConformityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * Checks in one SQLite file ({@code <data-dir>/checks.sqlite}) in WAL mode with {@code synchronous=FULL}: every save
 * is its own committed transaction, fsynced before {@link #save} returns, so a 201 answered after it is never lost,
 * even on kill -9. One row per check (report JSON, GeoJSON, site as WKB) and one row per conflict geometry (WKB,
 * EPSG:4326 lon/lat). One connection guarded by this object's monitor: writes are rare and short, so this is simpler
 * and safe. Its checks are also the layers {@link #sites()} and {@link #conflicts()} ({@link CheckLayer}).
 */
public final class SqliteCheckStore implements StoredChecks {

  private static final String NAME = "the SQLite check store";

  private final Path dir;
  private Connection db;
  private final AtomicLong version = new AtomicLong();
  private final Layer sites = new CheckLayer(CheckLayer.Kind.SITES, new Rows());
  private final Layer conflicts = new CheckLayer(CheckLayer.Kind.CONFLICTS, new Rows());

  private SqliteCheckStore(Path dir, Connection db) {
    this.dir = dir;
    this.db = db;
  }

  /**
   * Opens (creating when needed) {@code dir/checks.sqlite}.
   *
   * @throws IllegalStateException when the folder or file cannot be made, opened or read; the message names the
   *     folder and the reason, with no stack trace needed to understand it
   */
  public static SqliteCheckStore open(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new IOException("the folder is not writable");
      }
      SqliteCheckStore store = new SqliteCheckStore(dir, connect(dir));
      store.version.set(store.count());
      return store;
    } catch (SQLException | IOException | IllegalStateException e) {
      String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
          : e instanceof SQLException sql ? sqliteReason(sql) : e.getMessage();
      throw new IllegalStateException("cannot open the check store in data directory " + dir + ": " + why, e);
    }
  }

  /** The reason of an SQLite failure in words, without SQLite's own codes. */
  private static String sqliteReason(SQLException e) {
    return switch (e.getErrorCode() & 0xff) {
      case 8 -> "the database file or its folder is read-only";
      case 10, 14 -> "the database file cannot be read or written (I/O error)";
      case 11, 26 -> "checks.sqlite is corrupt or not an SQLite database";
      case 13 -> "the disk is full";
      default -> "the database cannot be used";
    };
  }

  /**
   * Whether an SQLite failure means the store cannot be written now but may be later (disk full, read-only, I/O
   * error, busy): the web layer answers 503 naming the store, and the store recovers when the cause goes.
   */
  private static boolean unavailable(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == 5 || primary == 6 || primary == 8 || primary == 10 || primary == 13 || primary == 14;
  }

  private static Connection connect(Path dir) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("checks.sqlite").toAbsolutePath());
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        // FULL, not NORMAL: in WAL mode NORMAL would also survive kill -9 (the commit is in the OS page cache), but
        // not a power loss or a VM crash. The fsync costs what the disk takes: ~3 % of a warm check on the
        // 50 000-polygon scale layer on the box of 2 December (JFR), 0.3-1.3 ms (10-35 %) on the box of 4 December
        // (the data directory on tmpfs against disk, docs/benchmarks.md scale (c)); a planner's 201 is worth it
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS checks (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
            + "created TEXT NOT NULL, name TEXT, kind TEXT NOT NULL, verdict TEXT NOT NULL, site_ha REAL NOT NULL, "
            + "report BLOB NOT NULL, geojson BLOB NOT NULL, site BLOB NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS conflicts (check_id TEXT NOT NULL REFERENCES checks(id), "
            + "rule TEXT NOT NULL, status TEXT NOT NULL, hectares REAL, message TEXT, geom BLOB NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS conflicts_check ON conflicts(check_id)");
        addListColumns(s);
      }
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /**
   * The list filter's columns (rulebook, location) came after the first stores were written: add them when missing
   * and fill them from the stored report JSON, once, in the same transaction-free start-up step.
   */
  private static void addListColumns(Statement s) throws SQLException {
    java.util.Set<String> have = new java.util.HashSet<>();
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(checks)")) {
      while (rs.next()) {
        have.add(rs.getString("name"));
      }
    }
    if (!have.contains("rulebook")) {
      s.execute("ALTER TABLE checks ADD COLUMN rulebook TEXT");
      s.execute("UPDATE checks SET rulebook = json_extract(CAST(report AS TEXT), '$.rulebook')");
    }
    if (!have.contains("location")) {
      s.execute("ALTER TABLE checks ADD COLUMN location TEXT");
      s.execute("UPDATE checks SET location = (SELECT json_extract(value, '$.subject') FROM "
          + "json_each(CAST(checks.report AS TEXT), '$.findings') WHERE json_extract(value, '$.rule') = '"
          + Locations.RULE + "')");
    }
    if (!have.contains("created_by")) {
      s.execute("ALTER TABLE checks ADD COLUMN created_by TEXT");
    }
    s.execute("CREATE INDEX IF NOT EXISTS checks_created ON checks(created)");
  }

  @Override
  public byte[] save(ConformityReport r, @Nullable String createdBy) {
    // written before taking the connection's lock: concurrent checks format their reports in parallel
    byte[] json = ReportWriter.json(r, null);
    byte[] geoJson = ReportWriter.geoJson(r);
    byte[] site = new WKBWriter(2).write(r.site());
    synchronized (this) {
      insert(r, createdBy, json, geoJson, site);
    }
    return json;
  }

  private void insert(ConformityReport r, @Nullable String createdBy, byte[] json, byte[] geoJson, byte[] site) {
    reopenIfClosed();
    try {
      try (PreparedStatement ps = db.prepareStatement("INSERT INTO checks (id, created, name, kind, verdict, site_ha, "
          + "report, geojson, site, rulebook, location, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
        ps.setString(1, r.id());
        ps.setString(2, r.created().toString());
        ps.setString(3, r.name());
        ps.setString(4, r.kind().wireName());
        ps.setString(5, r.verdict().name());
        ps.setDouble(6, r.siteHa());
        ps.setBytes(7, json);
        ps.setBytes(8, geoJson);
        ps.setBytes(9, site);
        ps.setString(10, r.rulebook());
        ps.setString(11, Locations.of(r));
        ps.setString(12, createdBy);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = db.prepareStatement("INSERT INTO conflicts (check_id, rule, status, hectares, "
          + "message, geom) VALUES (?,?,?,?,?,?)")) {
        ConflictRows.addBatch(ps, r);
        ps.executeBatch();
      }
      db.commit();
      version.incrementAndGet();
    } catch (SQLException e) {
      throw writeFailure("store check " + r.id(), e);
    }
  }

  /**
   * After a failed write: roll back, then start over on a new connection, so no part of the failed transaction can
   * be committed by a later write (a "phantom" check answered 5xx yet stored). Disk full, read-only and I/O errors
   * become {@link StoreUnavailableException} (503); the next write tries again, so the store recovers on its own.
   */
  private RuntimeException writeFailure(String what, SQLException e) {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the reconnect below drops whatever is left
    }
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing a broken connection
    }
    try {
      db = connect(dir);
    } catch (SQLException again) {
      // keep the closed connection: every call fails (503) until reopen() succeeds
    }
    if (unavailable(e)) {
      return new StoreUnavailableException(NAME + " cannot " + what + " now: " + sqliteReason(e)
          + "; nothing was stored", e);
    }
    return new IllegalStateException(NAME + " cannot " + what + ": " + e.getMessage(), e);
  }

  /**
   * Caps the database file at its present size on the current connection ({@code PRAGMA max_page_count}), so the
   * next write that needs a page fails with SQLITE_FULL as on a full disk. For tests of the disk-full path; the cap
   * ends with the connection, as a full disk ends when space is freed.
   */
  synchronized void limitPagesForTest() throws SQLException {
    try (Statement st = db.createStatement()) {
      long pages;
      try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
        pages = rs.next() ? rs.getLong(1) : 1;
      }
      st.execute("PRAGMA max_page_count = " + pages);
    }
    endRead();
  }

  /** Reopens the connection when an earlier failure left it closed. */
  private void reopenIfClosed() {
    try {
      if (db.isClosed()) {
        db = connect(dir);
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException(NAME + " cannot be opened now: " + sqliteReason(e), e);
    }
  }

  @Override
  public synchronized boolean delete(String id) {
    reopenIfClosed();
    try {
      int n;
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM conflicts WHERE check_id = ?")) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM checks WHERE id = ?")) {
        ps.setString(1, id);
        n = ps.executeUpdate();
      }
      db.commit();
      version.incrementAndGet();
      return n > 0;
    } catch (SQLException e) {
      throw writeFailure("delete check " + id, e);
    }
  }

  @Override
  public synchronized Optional<StoredCheck> find(String id) {
    reopenIfClosed();
    try (PreparedStatement ps = db.prepareStatement("SELECT " + FilterSql.SUMMARY + ", report, geojson "
        + "FROM checks WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredCheck(FilterSql.summary(rs, FilterSql.Dialect.SQLITE), rs.getBytes(9),
            rs.getBytes(10)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read check " + id + ": " + e.getMessage(), e);
    } finally {
      endRead();
    }
  }

  @Override
  public synchronized List<CheckSummary> list(CheckFilter filter, int limit, int offset) {
    reopenIfClosed();
    try {
      return FilterSql.of(filter, FilterSql.Dialect.SQLITE).page(db, "checks", limit, offset);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list checks: " + e.getMessage(), e);
    } finally {
      endRead();
    }
  }

  @Override
  public synchronized long count(CheckFilter filter) {
    reopenIfClosed();
    try {
      return FilterSql.of(filter, FilterSql.Dialect.SQLITE).count(db, "checks");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count checks: " + e.getMessage(), e);
    } finally {
      endRead();
    }
  }

  /** Ends the implicit read transaction (autocommit is off), so WAL checkpoints are not held back. */
  private void endRead() {
    try {
      db.commit();
    } catch (SQLException ignored) {
      // nothing was written
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

  /** The rows behind both layers, read under this store's monitor on its one connection. */
  private final class Rows implements CheckLayer.Rows {

    @Override
    public void visit(CheckLayer.Kind kind, @Nullable Envelope box, @Nullable String featureId,
        FeatureVisitor visitor) {
      synchronized (SqliteCheckStore.this) {
        reopenIfClosed();
        try {
          if (box != null) {
            CheckBoxes.update(db);
          }
          StoredFeatures.visit(db, FilterSql.Dialect.SQLITE, kind, box, featureId, 0, visitor);
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read " + kind.id() + ": " + e.getMessage(), e);
        } finally {
          endRead();
        }
      }
    }

    @Override
    public long count(CheckLayer.Kind kind) {
      synchronized (SqliteCheckStore.this) {
        reopenIfClosed();
        try {
          return StoredFeatures.count(db, FilterSql.Dialect.SQLITE, kind);
        } catch (SQLException e) {
          throw new IllegalStateException("cannot count " + kind.id() + ": " + e.getMessage(), e);
        } finally {
          endRead();
        }
      }
    }

    @Override
    public long version() {
      return SqliteCheckStore.this.version();
    }
  }

  /** Counts saves and deletes in this process: one file, one writing instance, so nothing else changes it. */
  @Override
  public long version() {
    return version.get();
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing at shutdown
    }
  }
}
