package id.tapak.core.source.postgis;

import static org.assertj.core.api.Assertions.fail;

import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerContract;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.model.Feature;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.locationtech.jts.io.WKBWriter;

/**
 * The layer contract on a live PostGIS table holding the same four features (written as WKB into
 * {@code tapak_test_contract.features}, fid = the fixture id). {@code TAPAK_PG_URL}; an unreachable database fails.
 */
@Tag("postgis")
class PostgisLayerContractTest extends LayerContract {

  static final String SCHEMA = "tapak_test_contract";

  @Override
  protected Layer layer(List<Feature> features) {
    write(SCHEMA + ".features", features);
    LayerSpec spec = new LayerSpec(SPEC.id(), SPEC.title(), SPEC.role(), new SourceSpec(SourceType.POSTGIS,
        PostgisSourceTest.URL, SCHEMA + ".features", null, null, null, 100), null, null, null, null);
    PostgisLayer layer = new PostgisLayer(spec, PostgisSourceTest.URL, SCHEMA + ".features", 100);
    layer.validate();
    return layer;
  }

  /** (Re)creates a table {@code fid integer PRIMARY KEY, kode, kelas, luas, geom geometry(Polygon, 4326)}. */
  static void write(String table, List<Feature> features) {
    try (Connection c = DriverManager.getConnection(PostgisSourceTest.URL); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
      st.execute("DROP TABLE IF EXISTS " + table);
      st.execute("CREATE TABLE " + table + " (fid integer PRIMARY KEY, kode text, kelas text, luas integer, "
          + "geom geometry(Polygon, 4326))");
      st.execute("CREATE INDEX ON " + table + " USING GIST (geom)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
          + " VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326))")) {
        WKBWriter wkb = new WKBWriter(2);
        for (Feature f : features) {
          ps.setInt(1, Integer.parseInt(f.id()));
          ps.setString(2, f.text("kode"));
          ps.setString(3, f.text("kelas"));
          ps.setInt(4, ((Number) f.properties().get("luas")).intValue());
          ps.setBytes(5, wkb.write(f.geometry()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + PostgisSourceTest.URL + " (" + e.getMessage() + "); scripts/test starts "
          + "the local cluster, or set TAPAK_PG_URL");
    }
  }
}
