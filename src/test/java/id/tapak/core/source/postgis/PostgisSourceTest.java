package id.tapak.core.source.postgis;

import id.tapak.core.catalog.LayerFeatures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a table and a view from the local PostGIS cluster ({@code mvn -Ppostgis}; scripts/test starts the cluster
 * in CI). The database URL comes from {@code TAPAK_PG_URL}; an unreachable database FAILS the run, because a
 * PostGIS tier that silently skips proves nothing.
 */
@Tag("postgis")
class PostgisSourceTest {

  static final String URL = System.getenv().getOrDefault("TAPAK_PG_URL",
      "jdbc:postgresql://127.0.0.1:55432/gis?user=postgres");
  static final String SCHEMA = "tapak_test_sources";

  @BeforeAll
  static void createTables() {
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      st.execute("CREATE SCHEMA " + SCHEMA);
      st.execute("CREATE TABLE " + SCHEMA + ".estates (fid serial PRIMARY KEY, kode text, nama text, "
          + "luas_ha double precision, tahun integer, aktif boolean, geom geometry(Polygon, 32749))");
      // the fixtures' estates KI-01 (with a hole) and KI-02, a bow-tie (invalid) and a row without geometry
      st.execute("INSERT INTO " + SCHEMA + ".estates (kode, nama, luas_ha, tahun, aktif, geom) VALUES "
          + "('KI-01', 'Kawasan Gedung Saté', 480.25, 1990, true, ST_Transform(ST_GeomFromText('POLYGON(("
          + "112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52), (112.605 -7.515, 112.605 -7.51, "
          + "112.61 -7.51, 112.61 -7.515, 112.605 -7.515))', 4326), 32749)), "
          + "('KI-02', 'Kawasan Industri Ngoro', 500.0, 1995, false, ST_Transform(ST_GeomFromText('POLYGON(("
          + "112.63 -7.55, 112.65 -7.55, 112.65 -7.53, 112.63 -7.53, 112.63 -7.55))', 4326), 32749)), "
          + "('BAD', 'Bow-tie', NULL, NULL, NULL, ST_Transform(ST_GeomFromText('POLYGON(("
          + "112.60 -7.60, 112.62 -7.58, 112.62 -7.60, 112.60 -7.58, 112.60 -7.60))', 4326), 32749)), "
          + "('NONE', 'Tanpa geometri', NULL, NULL, NULL, NULL)");
      st.execute("CREATE VIEW " + SCHEMA + ".\"Operating Estates\" AS SELECT kode, nama, geom FROM " + SCHEMA
          + ".estates WHERE aktif");
    } catch (SQLException e) {
      fail("PostGIS is not reachable at " + URL + " (" + e.getMessage() + "); start the local cluster "
          + "(scripts/test does it in CI) or set TAPAK_PG_URL");
    }
  }

  static List<SourceFeature> readAll(PostgisSource s) {
    List<SourceFeature> out = new ArrayList<>();
    s.read(out::add);
    return out;
  }

  @Test
  void readsTableWithSridAttributesAndHoles() {
    PostgisSource source = new PostgisSource(URL, SCHEMA + ".estates");
    assertThat(source.describe().fieldNames()).containsExactly("kode", "nama", "luas_ha", "tahun", "aktif");
    assertThat(source.describe().epsg()).hasValue(32749);

    List<SourceFeature> fs = readAll(source);
    assertThat(fs).extracting(SourceFeature::id).containsExactly("1", "2", "3", "4");
    assertThat(fs.get(0).properties()).containsEntry("nama", "Kawasan Gedung Saté").containsEntry("luas_ha", 480.25)
        .containsEntry("tahun", 1990).containsEntry("aktif", true);
    assertThat(((Polygon) fs.get(0).geometry()).getNumInteriorRing()).isEqualTo(1);
    assertThat(fs.get(0).geometry().getSRID()).isEqualTo(32749);
    assertThat(fs.get(3).geometry()).isNull();
  }

  @Test
  void readsQuotedViewWithoutKey() {
    List<SourceFeature> fs = readAll(new PostgisSource(URL, SCHEMA + ".\"Operating Estates\""));
    assertThat(fs).hasSize(1);
    assertThat(fs.get(0).id()).isEqualTo("1");
    assertThat(fs.get(0).properties()).containsOnlyKeys("kode", "nama").containsEntry("kode", "KI-01");
  }

  @Test
  void catalogReprojectsRepairsAndCounts(@TempDir Path tmp) throws Exception {
    Path project = Files.writeString(tmp.resolve("tapak.yml"), """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: estates
            title: {id: Kawasan, en: Estates}
            role: estate
            source: {type: postgis, path: '%s', layer: %s.estates}
            fields: {id: kode, name: nama}
        """.formatted(URL, SCHEMA));
    Catalog catalog = CatalogLoader.load(project);
    Layer layer = catalog.layer("estates").orElseThrow();
    assertThat(LayerFeatures.all(layer)).hasSize(3);
    assertThat(layer.repairedCount()).isEqualTo(1);
    assertThat(layer.skippedCount()).isEqualTo(1);
    assertThat(layer.sourceEpsg()).isEqualTo(32749);
    // back in EPSG:4326 the square KI-02 has its corner where it was written
    assertThat(layer.feature("KI-02").orElseThrow().geometry().getEnvelopeInternal().getMinX())
        .isCloseTo(112.63, Offset.offset(1e-7));
    double ha = GeodesicMeasure.hectares(layer.feature("KI-02").orElseThrow().geometry());
    assertThat(ha).as("PostGIS ST_Area(geography) of KI-02: 488.2182 ha").isCloseTo(488.2182, Offset.offset(0.005));
  }

  /** A row read valid is not tested again while its bytes stay the same; once edited into a bow-tie it is. */
  @Test
  void editedRowIsRepairedOnTheNextRead(@TempDir Path tmp) throws Exception {
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".edited");
      st.execute("CREATE TABLE " + SCHEMA + ".edited (fid serial PRIMARY KEY, kode text, geom geometry(Polygon, 4326))");
      st.execute("INSERT INTO " + SCHEMA + ".edited (kode, geom) VALUES ('E-1', ST_GeomFromText('POLYGON(("
          + "112.60 -7.60, 112.62 -7.60, 112.62 -7.58, 112.60 -7.58, 112.60 -7.60))', 4326))");
    }
    Path project = Files.writeString(tmp.resolve("tapak.yml"), """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: edited
            title: {id: Disunting, en: Edited}
            role: estate
            source: {type: postgis, path: '%s', layer: %s.edited}
            fields: {id: kode}
        """.formatted(URL, SCHEMA));
    Layer layer = CatalogLoader.load(project).layer("edited").orElseThrow();
    for (int i = 0; i < 2; i++) { // the second read takes the remembered validity
      assertThat(layer.feature("E-1").orElseThrow().geometry().isValid()).isTrue();
    }
    assertThat(layer.repairedCount()).isZero();
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      st.execute("UPDATE " + SCHEMA + ".edited SET geom = ST_GeomFromText('POLYGON(("
          + "112.60 -7.60, 112.62 -7.58, 112.62 -7.60, 112.60 -7.58, 112.60 -7.60))', 4326)");
    }
    Geometry g = layer.feature("E-1").orElseThrow().geometry();
    assertThat(g.isValid()).as("the bow-tie, repaired on read: " + g).isTrue();
    assertThat(g.getNumGeometries()).as("two triangles").isEqualTo(2);
  }

  @Test
  void unknownTableIsNamed() {
    assertThatThrownBy(() -> new PostgisSource(URL, SCHEMA + ".jalan").describe())
        .isInstanceOf(SourceException.class)
        .hasMessage("postgis table '" + SCHEMA + ".jalan': no such table or view");
    assertThatThrownBy(() -> new PostgisSource(URL, null).describe())
        .isInstanceOf(SourceException.class).hasMessageContaining("source.layer");
  }

  @Test
  void unreachableDatabaseStopsTheLoad(@TempDir Path tmp) throws Exception {
    Path project = Files.writeString(tmp.resolve("tapak.yml"), """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: estates
            title: {id: Kawasan, en: Estates}
            role: estate
            source: {type: postgis, path: 'jdbc:postgresql://127.0.0.1:1/gis?user=x&connectTimeout=2', layer: estates,
              mode: memory}
        """);
    assertThatThrownBy(() -> CatalogLoader.load(project)).isInstanceOf(ProjectFileException.class)
        .hasMessageContaining("layer 'estates'").hasMessageNotContaining("\n");
  }

  @Test
  void unreachableDatabaseLeavesALiveLayerUnavailable(@TempDir Path tmp) throws Exception {
    Path project = Files.writeString(tmp.resolve("tapak.yml"), """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: estates
            title: {id: Kawasan, en: Estates}
            role: estate
            source: {type: postgis, path: 'jdbc:postgresql://127.0.0.1:1/gis?user=x', layer: estates}
        """);
    Layer layer = CatalogLoader.load(project).layer("estates").orElseThrow();
    assertThat(layer.inMemory()).isFalse();
    assertThat(layer.available()).isFalse();
    assertThat(layer.unavailableReason()).contains("SQLState").doesNotContain("127.0.0.1");
    assertThatThrownBy(layer::count).isInstanceOf(id.tapak.core.catalog.LayerUnavailableException.class)
        .hasMessageStartingWith("layer 'estates' is unavailable");
  }

  @Test
  void aLiveViewWithoutKeyNeedsAnIdField(@TempDir Path tmp) throws Exception {
    String entry = """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: operating
            title: {id: Kawasan, en: Estates}
            role: estate
            source: {type: postgis, path: '%s', layer: '%s."Operating Estates"'}
        """.formatted(URL, SCHEMA);
    Path noId = Files.writeString(tmp.resolve("tapak.yml"), entry);
    assertThatThrownBy(() -> CatalogLoader.load(noId)).isInstanceOf(ProjectFileException.class)
        .hasMessageContaining("key 'fields.id'").hasMessageContaining("mode: memory");
    Path withId = Files.writeString(tmp.resolve("tapak2.yml"), entry + "    fields: {id: kode}\n");
    Layer view = CatalogLoader.load(withId).layer("operating").orElseThrow();
    assertThat(LayerFeatures.all(view)).extracting(f -> f.id()).containsExactly("KI-01");
    assertThat(view.feature("KI-01")).isPresent();
  }
}
