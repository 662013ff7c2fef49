package id.tapak.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.publish.report.ReportWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store: the contract, and a store file written before the history filter is upgraded in place. */
class SqliteCheckStoreTest extends CheckStoreContract {

  @TempDir
  Path dir;

  @Override
  StoredChecks open() {
    return SqliteCheckStore.open(dir);
  }

  @Override
  StoredChecks reopen() {
    return SqliteCheckStore.open(dir);
  }

  /** A data dir written before the spatial index: its first box query indexes the checks already stored. */
  @Test
  void indexesTheChecksOfAnOlderStoreInPlace() throws Exception {
    var r = check("sebelum indeks", 112.60, -7.20);
    try (StoredChecks s = open()) {
      s.save(r);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("checks.sqlite"));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS check_boxes"); // as a store of the previous version has none
    }
    try (StoredChecks s = reopen()) {
      assertThat(s.sites().candidates(new org.locationtech.jts.geom.Envelope(112.59, 112.61, -7.21, -7.19)))
          .extracting(f -> f.id()).containsExactly(r.id());
      var later = check("sesudah indeks", 112.70, -7.45);
      s.save(later);
      assertThat(s.sites().candidates(new org.locationtech.jts.geom.Envelope(112.69, 112.71, -7.46, -7.44)))
          .extracting(f -> f.id()).containsExactly(later.id());
    }
  }

  /** A checks.sqlite of the first schema (no rulebook, no location column) gets both, filled from its reports. */
  @Test
  void upgradesAStoreOfTheFirstSchema() throws Exception {
    var r = check("lama", 112.60, -7.20);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("checks.sqlite"));
        Statement s = c.createStatement()) {
      // the schema as SqliteCheckStore created it before the history filter
      s.execute("CREATE TABLE checks (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, "
          + "created TEXT NOT NULL, name TEXT, kind TEXT NOT NULL, verdict TEXT NOT NULL, site_ha REAL NOT NULL, "
          + "report BLOB NOT NULL, geojson BLOB NOT NULL, site BLOB NOT NULL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO checks (id, created, name, kind, verdict, site_ha, "
          + "report, geojson, site) VALUES (?,?,?,?,?,?,?,?,?)")) {
        ps.setString(1, r.id());
        ps.setString(2, r.created().toString());
        ps.setString(3, r.name());
        ps.setString(4, r.kind().wireName());
        ps.setString(5, r.verdict().name());
        ps.setDouble(6, r.siteHa());
        ps.setBytes(7, ReportWriter.json(r, null));
        ps.setBytes(8, ReportWriter.geoJson(r));
        ps.setBytes(9, new org.locationtech.jts.io.WKBWriter(2).write(r.site()));
        ps.executeUpdate();
      }
    }
    try (StoredChecks s = SqliteCheckStore.open(dir)) {
      var row = s.find(r.id()).orElseThrow().summary();
      assertThat(row.rulebook()).isEqualTo("pp20-2024");
      assertThat(row.location()).isEqualTo(Locations.of(r)).contains("Gresik");
      assertThat(row.createdBy()).as("created_by added, empty for old checks").isNull();
      assertThat(s.count(new CheckStore.CheckFilter(null, null, null, "gresik", null))).isEqualTo(1);
    }
  }

  /**
   * A full disk, made real by SQLite's own page limit ({@code PRAGMA max_page_count} on the store's connection, the
   * same SQLITE_FULL a full file system gives): the save fails as "unavailable" naming the store, nothing of the
   * check is kept, and once the limit is gone (the store reconnects after a failed write) the next save works,
   * without a reopen, and the failed check never appears (no phantom).
   */
  @Test
  void aFullDiskRefusesTheSaveStoresNothingAndRecovers() throws Exception {
    try (SqliteCheckStore s = SqliteCheckStore.open(dir)) {
      s.save(check("sebelum", 112.60, -7.20));
      long before = s.count();
      s.limitPagesForTest();
      var refused = check("penuh", 112.61, -7.21);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.save(refused))
          .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("SQLite check store")
          .hasMessageContaining("disk is full").hasMessageNotContaining("SQLITE_");
      assertThat(s.count()).isEqualTo(before);
      assertThat(s.find(refused.id())).isEmpty();
      var after = check("sesudah", 112.62, -7.22);
      s.save(after);
      assertThat(s.count()).isEqualTo(before + 1);
      assertThat(s.find(refused.id())).as("no phantom").isEmpty();
      assertThat(CheckStoreContract.ofCheck(s.conflicts(), refused.id())).isEmpty();
    }
    try (SqliteCheckStore s = SqliteCheckStore.open(dir)) {
      assertThat(s.count()).as("after a restart too").isEqualTo(2);
    }
  }
}
