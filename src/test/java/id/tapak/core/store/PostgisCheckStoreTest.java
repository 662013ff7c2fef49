package id.tapak.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shared store on the local PostGIS cluster ({@code TAPAK_PG_URL}; scripts/test starts it; unreachable FAILS):
 * the contract in a database of its own, two stores over two pools seeing each other's checks (two instances), the
 * stored areas agreeing with PostGIS geography, and a database that is not there answered as unavailable.
 */
@Tag("postgis")
class PostgisCheckStoreTest extends CheckStoreContract {

  static final String URL = System.getenv().getOrDefault("TAPAK_PG_URL",
      "jdbc:postgresql://127.0.0.1:55432/gis?user=postgres");
  static final String DB = "tapak_store_test";
  final List<HikariDataSource> pools = new ArrayList<>();

  /** The cluster's URL with another database name. */
  static String url(String db) {
    return URL.replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
  }

  @BeforeEach
  void freshDatabase() {
    recreate(DB);
  }

  /** Drops and creates a database of the test cluster, with PostGIS; an unreachable cluster fails. */
  static void recreate(String db) {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + URL + " (" + e.getMessage() + "); start the local cluster "
          + "(scripts/test does it) or set TAPAK_PG_URL");
    }
    try (Connection c = DriverManager.getConnection(url(db)); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION postgis");
    } catch (SQLException e) {
      fail("cannot create extension postgis in " + db + ": " + e.getMessage());
    }
  }

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  HikariDataSource pool(String jdbcUrl) {
    HikariDataSource ds = newPool(jdbcUrl);
    pools.add(ds);
    return ds;
  }

  /** A small pool that starts while the database is down (as the service's does); the caller closes it. */
  static HikariDataSource newPool(String jdbcUrl) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setMaximumPoolSize(2);
    c.setConnectionTimeout(1000);
    c.setInitializationFailTimeout(-1);
    return new HikariDataSource(c);
  }

  @Override
  StoredChecks open() {
    return new PostgisCheckStore(pool(url(DB)));
  }

  @Override
  StoredChecks reopen() {
    return new PostgisCheckStore(pool(url(DB)));
  }

  /** Two instances = two pools: what one stores the other lists, reads and draws at once; versions move for both. */
  @Test
  void twoStoresOverOneDatabaseShareChecks() throws Exception {
    PostgisCheckStore a = new PostgisCheckStore(pool(url(DB)));
    PostgisCheckStore b = new PostgisCheckStore(pool(url(DB)));
    var r = check("bersama", 112.60, -7.20);
    long before = b.version();
    a.save(r);
    assertThat(b.version()).isGreaterThan(before);
    assertThat(b.find(r.id())).isPresent();
    assertThat(b.list(5, 0)).extracting(CheckStore.CheckSummary::id).containsExactly(r.id());
    assertThat(CheckStoreContract.ofCheck(b.sites(), r.id())).hasSize(1);
    var again = check("kedua", 112.62, -7.20);
    b.save(again);
    assertThat(a.count()).isEqualTo(2);
    // a delete on one instance moves the other's version too (its tile cache must not keep drawing the check)
    long beforeDelete = a.version();
    assertThat(b.delete(again.id())).isTrue();
    assertThat(a.version()).isNotEqualTo(beforeDelete);
    assertThat(CheckStoreContract.ofCheck(a.sites(), again.id())).isEmpty();
    b.save(check("kedua lagi", 112.62, -7.20));
    // the site stored is the site checked: its hectares on the spheroid agree with the report (GeographicLib)
    try (Connection c = DriverManager.getConnection(url(DB)); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT site_ha, ST_Area(site::geography) / 10000 FROM tapak.checks "
            + "WHERE id = '" + r.id() + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDouble(2)).isCloseTo(rs.getDouble(1), org.assertj.core.data.Percentage.withPercentage(0.01));
    }
    // a duplicate id is a bug, not an outage: not reported as unavailable
    assertThatThrownBy(() -> a.save(r)).isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(StoreUnavailableException.class);
  }

  /** Nothing listens on the port: every operation says the store is unavailable (503), none hangs or leaks SQL. */
  @Test
  void anUnreachableDatabaseIsUnavailableNotABug() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgisCheckStore down = new PostgisCheckStore(pool("jdbc:postgresql://127.0.0.1:" + port + "/gis?user=postgres"));
    var r = check("tertunda", 112.60, -7.20);
    assertThatThrownBy(() -> down.save(r)).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("PostGIS check store").hasMessageNotContaining("127.0.0.1");
    assertThatThrownBy(() -> down.find(r.id())).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> down.list(5, 0)).isInstanceOf(StoreUnavailableException.class);
    assertThat(down.version()).isEqualTo(-1);
  }
}
