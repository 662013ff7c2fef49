package id.tapak.core.rulebook;

import id.tapak.core.catalog.LayerFeatures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.model.Feature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;

/**
 * The live version of {@link JabarRtrwKpiTest}: the KPI polygons Tapak loaded from the West Java RTRW GeoPackage
 * go into a PostGIS temp table, and PostGIS {@code ST_Area(ST_Difference(site, ST_Union(kpi))::geography)} must
 * agree with the KPI rule's outside hectares within 0.1 %. Runs under {@code mvn -Ppostgis}; an unreachable database
 * fails the test (env {@code TAPAK_PG_URL}, default the local cluster on port 55432).
 */
@Tag("postgis")
class JabarRtrwPostgisTest {

  static final String URL = System.getenv().getOrDefault("TAPAK_PG_URL",
      "jdbc:postgresql://127.0.0.1:55432/gis?user=postgres");

  @BeforeAll
  static void load() {
    JabarRtrwKpiTest.load();
  }

  static double postgisOutsideHa(Connection c, double[] box) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT ST_Area(ST_Difference(ST_MakeEnvelope(?,?,?,?,4326), "
        + "(SELECT ST_Union(ST_MakeValid(geom)) FROM tapak_kpi))::geography) / 1e4")) {
      for (int i = 0; i < 4; i++) {
        ps.setDouble(i + 1, box[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  @Test
  void outsideHectaresAgreeWithPostgis() throws Exception {
    try (Connection c = DriverManager.getConnection(URL)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMP TABLE tapak_kpi (geom geometry(Geometry, 4326))");
      }
      WKBWriter wkb = new WKBWriter(2);
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tapak_kpi VALUES (ST_GeomFromWKB(?, 4326))")) {
        for (Feature f : LayerFeatures.all(JabarRtrwKpiTest.engine.catalog().layers().get(0))) {
          if ("Kawasan Peruntukan Industri".equals(f.text("NAMOBJ"))) {
            ps.setBytes(1, wkb.write(f.geometry()));
            ps.addBatch();
            n++;
          }
        }
        ps.executeBatch();
      }
      assertEquals(5, n, "one KPI feature per kab/kota");
      double[][] sites = {{107.4553, -6.4656, 107.4603, -6.4606}, {107.4070, -6.6705, 107.4130, -6.6645},
          {107.4761, -6.4475, 107.4821, -6.4415}};
      for (double[] b : sites) {
        double pg = postgisOutsideHa(c, b);
        Finding f = JabarRtrwKpiTest.check(b[0], b[1], b[2], b[3]).finding("kpi-allocation").orElseThrow();
        double tapak = f.conflictHa() == null ? 0 : f.conflictHa();
        assertTrue(Math.abs(tapak - pg) <= Math.max(1e-4, pg * 0.001), String.format(Locale.ROOT,
            "site %s: PostGIS %.6f ha, Tapak %.6f ha", java.util.Arrays.toString(b), pg, tapak));
      }
    }
  }
}
