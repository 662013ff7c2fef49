package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import id.tapak.core.source.postgis.PostgisLayer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The per-check sharing of layer answers never carries a live layer's rows from one check to the next: a row edited
 * in PostGIS between two checks is what the second check sees, with the version poll set far in the future (so
 * nothing depends on the version having moved yet). Table {@code tapak_test_checkcache.plan}; {@code TAPAK_PG_URL}
 * (default the local cluster of {@code scripts/test}); an unreachable database fails.
 */
@Tag("postgis")
class LiveLayerCheckCacheTest {

  static final String TABLE = "tapak_test_checkcache.plan";
  /** ~60 ha at 107.0 E, 6.5 S; the plan polygon around it is 0.02 degrees wide. */
  static final double[] SITE = {106.9965, -6.5035, 107.0035, -6.4965};

  static void sql(String... statements) {
    try (Connection c = DriverManager.getConnection(JabarRtrwPostgisTest.URL); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + JabarRtrwPostgisTest.URL + " (" + e.getMessage() + "); scripts/test "
          + "starts the local cluster, or set TAPAK_PG_URL");
    }
  }

  @Test
  void anEditBetweenTwoChecksIsSeenByTheSecond() {
    sql("CREATE SCHEMA IF NOT EXISTS tapak_test_checkcache", "DROP TABLE IF EXISTS " + TABLE,
        "CREATE TABLE " + TABLE + " (fid integer PRIMARY KEY, \"NAMOBJ\" text, geom geometry(Polygon, 4326))",
        "CREATE INDEX ON " + TABLE + " USING GIST (geom)",
        // the site's polygon, and far away one of each class the edit moves between: which classes a layer has is
        // known per version (CheckContext.hasClass), and the version is not polled again in this test
        "INSERT INTO " + TABLE + " VALUES (1, 'Kawasan Peruntukan Industri', ST_MakeEnvelope(106.99, -6.51, 107.01, "
            + "-6.49, 4326)), (2, 'Kawasan Peruntukan Industri', ST_MakeEnvelope(108.0, -7.0, 108.01, -6.99, 4326)),"
            + " (3, 'Kawasan Permukiman', ST_MakeEnvelope(108.1, -7.0, 108.11, -6.99, 4326))");
    LayerSpec spec = new LayerSpec("rencana", LocalizedText.of("Rencana", "Plan"), LayerRole.SPATIAL_PLAN,
        new SourceSpec(SourceType.POSTGIS, JabarRtrwPostgisTest.URL, TABLE, null, null, null, 3_600_000),
        new FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null), null, null, null);
    PostgisLayer layer = new PostgisLayer(spec, JabarRtrwPostgisTest.URL, TABLE, 3_600_000);
    layer.validate();
    ConformityEngine engine = new ConformityEngine(new Catalog(new ProjectFile(new ProjectInfo("live",
        LocalizedText.of("live", "live")), List.of(spec), null), Path.of("layers/tapak.yml"), List.of(layer)),
        RulebookLoader.read(Path.of("layers/rules/pp20-2024.yml")));
    long version = layer.version();

    Finding before = CheckCachesTest.check(engine, SITE).finding("kpi-allocation").orElseThrow();
    assertEquals(Status.PASS, before.status(), before.message().en());
    assertEquals(100.0, before.measured());

    sql("UPDATE " + TABLE + " SET \"NAMOBJ\" = 'Kawasan Permukiman' WHERE fid = 1");
    assertEquals(version, layer.version(), "the version is not polled again for an hour");
    ConformityReport after = CheckCachesTest.check(engine, SITE);
    Finding kpi = after.finding("kpi-allocation").orElseThrow();
    assertEquals(Status.FAIL, kpi.status(), kpi.message().en());
    assertEquals(0.0, kpi.measured());
    // the same edit seen by the settlement rule of that check: the site is now settlement land
    Finding settlement = after.finding("settlement-distance").orElseThrow();
    assertEquals(Status.WARN, settlement.status(), settlement.message().en()); // the rule's severity: a warning
    assertEquals(after.siteHa(), settlement.conflictHa(), 1e-3, "the whole site is settlement land now");

    sql("UPDATE " + TABLE + " SET geom = ST_Translate(geom, 0.5, 0) WHERE fid = 1");
    Finding moved = CheckCachesTest.check(engine, SITE).finding("kpi-allocation").orElseThrow();
    assertEquals(Status.NOT_ASSESSED, moved.status(), "the plan no longer covers the site: " + moved.message().en());
    sql("DROP SCHEMA tapak_test_checkcache CASCADE");
  }
}
