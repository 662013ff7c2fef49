package id.tapak.core.source.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * EWKB from PostGIS passes the same limits as GeoPackage WKB ({@code GeometryLimits}): a row whose geometry is nested
 * deeper than 8 collections, or has a NaN coordinate (a line's vertex), ends the read with one line naming the table and the row,
 * never a {@code StackOverflowError} nor a silently missing feature. The rows are crafted in SQL on the test cluster
 * ({@code TAPAK_PG_URL}): PostGIS itself accepts collections nested up to about 200 levels
 * ({@code ST_GeomFromWKB} refuses 199 and more with "Geometry has too many chained collections"), so 150 is the
 * deepest a real database can hand back.
 */
@Tag("postgis")
class PostgisEwkbLimitsTest {

  static final String SCHEMA = "tapak_test_ewkb";

  /** WKB hex of a point (112.9, -7.3) inside {@code depth} GeometryCollections of one member each. */
  static String nested(int depth) {
    StringBuilder hex = new StringBuilder();
    hex.append("010700000001000000".repeat(depth));
    hex.append("0101000000");
    hex.append(littleEndian(112.9)).append(littleEndian(-7.3));
    return hex.toString();
  }

  private static String littleEndian(double v) {
    long bits = Double.doubleToLongBits(v);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      s.append(String.format("%02x", (bits >>> (8 * i)) & 0xff));
    }
    return s.toString();
  }

  @BeforeAll
  static void craftRows() {
    try (Connection c = DriverManager.getConnection(PostgisSourceTest.URL); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      st.execute("CREATE SCHEMA " + SCHEMA);
      for (String t : List.of("deep", "nan")) {
        st.execute("CREATE TABLE " + SCHEMA + "." + t + " (fid integer PRIMARY KEY, kode text, "
            + "geom geometry(Geometry, 4326))");
        st.execute("INSERT INTO " + SCHEMA + "." + t + " VALUES (1, 'ok', "
            + "ST_GeomFromText('POLYGON((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52))', 4326))");
      }
      // depth 8 is the deepest accepted: a row at the limit still reads
      st.execute("INSERT INTO " + SCHEMA + ".deep VALUES (2, 'at the limit', ST_GeomFromWKB(decode('" + nested(8)
          + "', 'hex'), 4326))");
      st.execute("INSERT INTO " + SCHEMA + ".deep VALUES (3, 'too deep', ST_GeomFromWKB(decode('" + nested(150)
          + "', 'hex'), 4326))");
      st.execute("INSERT INTO " + SCHEMA + ".nan VALUES (2, 'nan', ST_SetSRID(ST_MakeLine(ST_MakePoint(112.9, -7.3), "
          + "ST_MakePoint('NaN'::float8, -7.2)), 4326))");
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + PostgisSourceTest.URL + " (" + e.getMessage() + "); scripts/test "
          + "starts the local cluster, or set TAPAK_PG_URL");
    }
  }

  @Test
  void memoryReadRefusesTheDeepRowNamingIt() {
    PostgisSource source = new PostgisSource(PostgisSourceTest.URL, SCHEMA + ".deep");
    List<String> read = new ArrayList<>();
    assertThatThrownBy(() -> source.read(f -> read.add(f.id())))
        .isInstanceOf(SourceException.class)
        .hasMessage("postgis table '" + SCHEMA + ".deep': row id 3: geometry collections nested deeper than 8 "
            + "levels are refused");
    assertThat(read).as("the rows before it, the one at the limit included").containsExactly("1", "2");
  }

  @Test
  void memoryReadRefusesANanCoordinate() {
    PostgisSource source = new PostgisSource(PostgisSourceTest.URL, SCHEMA + ".nan");
    assertThatThrownBy(() -> source.read(f -> { }))
        .isInstanceOf(SourceException.class)
        .hasMessage("postgis table '" + SCHEMA + ".nan': row id 2: a coordinate is not a finite number (NaN or "
            + "infinity)");
  }

  @Test
  void liveLayerFailsTheQueryThatMeetsTheRowAndStaysUp() {
    String table = SCHEMA + ".deep";
    LayerSpec spec = new LayerSpec("dalam", LocalizedText.of("Dalam", "Deep"), LayerRole.PROTECTED,
        new SourceSpec(SourceType.POSTGIS, PostgisSourceTest.URL, table, null, null, null, 100), null, null, null,
        null);
    PostgisLayer layer = new PostgisLayer(spec, PostgisSourceTest.URL, table, 100);
    layer.validate();
    List<String> nearOk = new ArrayList<>();
    layer.visit(new Envelope(112.59, 112.63, -7.53, -7.49), f -> nearOk.add(f.id()));
    assertThat(nearOk).as("a box that misses the deep row").containsExactly("1");
    assertThatThrownBy(() -> layer.visit(new Envelope(112.8, 113.0, -7.4, -7.2), f -> true))
        .isInstanceOf(LayerUnavailableException.class)
        .hasMessage("layer 'dalam' is unavailable: postgis table '" + table + "' row id 3: geometry collections "
            + "nested deeper than 8 levels are refused");
    assertThatThrownBy(() -> layer.feature("3")).isInstanceOf(LayerUnavailableException.class);
    assertThat(layer.feature("2")).as("depth 8 reads").isPresent();
    assertThat(layer.available()).as("one bad row does not take the layer down").isTrue();
  }
}
