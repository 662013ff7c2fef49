package id.tapak.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.model.LayerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/**
 * Project files in a temp folder pointing at the source fixtures. A bad project file must stop the load with ONE
 * line naming the file, the layer and the key; a good one loads every format with its repairs and skips counted.
 */
class CatalogLoaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures/sources").toAbsolutePath();

  @TempDir
  Path dir;

  Path project(String layers) throws IOException {
    return Files.writeString(dir.resolve("tapak.yml"), "project: {id: t, title: {id: Uji, en: Test}}\nlayers:\n"
        + layers.replace("$F", FIXTURES.toString()));
  }

  static String layer(String id, String more) {
    return "  - id: " + id + "\n    title: {id: Lapisan, en: Layer}\n" + more;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing file | estates | source.path | role: estate\\n    source: {type: geojson, path: nowhere.geojson}",
      "no path | estates | source | role: estate\\n    source: {type: geojson}",
      "unknown role | estates | role | role: factory\\n    source: {type: geojson, path: $F/estates.geojson}",
      "unknown source type | estates | source.type | role: estate\\n    source: {type: dwg, path: $F/estates.geojson}",
      "unsupported CRS | estates | source.crs | role: estate\\n    source: {type: geojson, path: $F/estates.geojson, crs: 'EPSG:2154'}",
      "malformed CRS | estates | source.crs | role: estate\\n    source: {type: geojson, path: $F/estates.geojson, crs: UTM49}",
      "field that does not exist | estates | fields.name | role: estate\\n    source: {type: geojson, path: $F/estates.geojson}\\n    fields: {name: NAMA}",
      "unknown key | estates | colour | role: estate\\n    colour: red\\n    source: {type: geojson, path: $F/estates.geojson}",
      "unknown key under source | estates | source.table | role: estate\\n    source: {type: geojson, path: $F/estates.geojson, table: x}",
      "no CRS declared | ports | source.crs | role: port\\n    source: {type: shapefile, path: $NOPRJ}",
      "several tables, no layer | estates | source.layer | role: estate\\n    source: {type: geopackage, path: $F/layers.gpkg}",
      "unknown table | estates | source.layer | role: estate\\n    source: {type: geopackage, path: $F/layers.gpkg, layer: jalan}",
      "unknown zip member | roads | source.layer | role: road\\n    source: {type: shapefile, path: $F/layers_shp.zip, layer: jalan}"})
  void badProjectFileStopsWithOneLine(String name, String id, String key, String body) throws IOException {
    Path noPrj = dir.resolve("noprj");
    Files.createDirectories(noPrj);
    Files.copy(FIXTURES.resolve("ports_4326.shp"), noPrj.resolve("ports.shp"));
    Files.copy(FIXTURES.resolve("ports_4326.dbf"), noPrj.resolve("ports.dbf"));
    Path file = project(layer(id, "    " + body.replace("\\n", "\n") + "\n")
        .replace("$NOPRJ", noPrj.resolve("ports.shp").toString()));

    assertThatThrownBy(() -> CatalogLoader.load(file))
        .isInstanceOf(ProjectFileException.class)
        .satisfies(e -> {
          String m = e.getMessage();
          assertThat(m).as("one line").doesNotContain("\n", "\r");
          assertThat(m).startsWith(file.toString() + ": ");
          assertThat(m).contains("layer '" + id + "'");
          assertThat(m).contains("key '" + key + "'");
        });
  }

  /**
   * Where a project is: with a layer in Indonesia, a layer that lies elsewhere (here the OGC CITE polygons, lon/lat
   * around 0° 0°) was read in the wrong place and stops start-up; a project whose layers all lie elsewhere (the CITE
   * test data alone) loads; {@code project.extent} says where a project is explicitly.
   */
  @Test
  void aLayerOutsideTheProjectsRegionStopsStartUp() throws IOException {
    String cite = layer("cite_polygons", "    role: protected\n    source: {type: shapefile, path: "
        + Path.of("../shared/conformance/cite-data/BasicPolygons.shp").toAbsolutePath().normalize() + "}\n");
    String ports = layer("ports", "    role: port\n    source: {type: geojson, path: $F/ports.geojson}\n");
    Path mixed = project(ports + cite);
    assertThatThrownBy(() -> CatalogLoader.load(mixed)).isInstanceOf(ProjectFileException.class)
        .hasMessageContaining("layer 'cite_polygons'").hasMessageContaining("outside Indonesia")
        .hasMessageContaining("EPSG:4326");
    assertThat(CatalogLoader.load(project(cite)).layers()).hasSize(1);
    Path world = Files.writeString(dir.resolve("tapak.yml"), "project: {id: t, title: {id: Uji, en: Test}, "
        + "extent: [-180, -90, 180, 90]}\nlayers:\n" + (ports + cite).replace("$F", FIXTURES.toString()));
    assertThat(CatalogLoader.load(world).layers()).hasSize(2);
    Path elsewhere = Files.writeString(dir.resolve("tapak.yml"), "project: {id: t, title: {id: Uji, en: Test}, "
        + "extent: [100, -10, 120, 0]}\nlayers:\n" + cite.replace("$F", FIXTURES.toString()));
    assertThatThrownBy(() -> CatalogLoader.load(elsewhere)).hasMessageContaining("outside the project's extent");
  }

  @Test
  void duplicateLayerIdNamesTheLayerAndKey() throws IOException {
    String estates = layer("estates", "    role: estate\n    source: {type: geojson, path: $F/estates.geojson}\n");
    Path file = project(estates + estates);
    assertThatThrownBy(() -> CatalogLoader.load(file)).isInstanceOf(ProjectFileException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("layer 'estates'").hasMessageContaining("key 'id'")
        .hasMessageContaining("duplicate").hasMessageNotContaining("\n");
  }

  @Test
  void validMultiFormatProjectLoadsWithCounts() throws IOException {
    Path file = project(
        layer("estates_gpkg", "    role: estate\n    source: {type: geopackage, path: $F/layers.gpkg, layer: estates}\n"
            + "    fields: {id: kode, name: nama, area: luas_ha}\n")
        + layer("estates_utm", "    role: planned-estate\n    source: {type: geopackage, path: $F/estates_32749.gpkg}\n")
        + layer("estates_tm3", "    role: planned-estate\n    source: {type: shapefile, path: $F/estates_23836.shp}\n")
        + layer("estates_legacy", "    role: planned-estate\n    source: {type: geojson, path: $F/estates_32749.geojson}\n")
        + layer("roads", "    role: road\n    source: {type: shapefile, path: $F/layers_shp.zip, layer: roads_4326}\n"
            + "    fields: {roadClass: kelas}\n")
        + layer("ports", "    role: port\n    source: {type: geojson, path: $F/ports.geojson}\n")
        + layer("broken", "    role: protected\n    source: {type: geojson, path: $F/invalid.geojson}\n"));

    Catalog catalog = CatalogLoader.load(file);

    assertThat(catalog.layers()).extracting(Layer::id).containsExactly("estates_gpkg", "estates_utm", "estates_tm3",
        "estates_legacy", "roads", "ports", "broken");
    Layer gpkg = catalog.layer("estates_gpkg").orElseThrow();
    assertThat(LayerFeatures.all(gpkg)).extracting(f -> f.id()).containsExactly("KI-01", "KI-02", "KI-03");
    assertThat(gpkg.geometryKind()).isEqualTo(GeometryKind.POLYGON);
    assertThat(gpkg.repairedCount()).isZero();
    // every copy of the estates, whatever its CRS and format, is back where it was drawn in EPSG:4326
    for (String id : List.of("estates_utm", "estates_tm3", "estates_legacy")) {
      Layer l = catalog.layer(id).orElseThrow();
      assertThat(LayerFeatures.all(l)).hasSize(3);
      Envelope e = l.bbox();
      assertThat(e.getMinX()).as(id).isCloseTo(112.60, within(1e-6));
      assertThat(e.getMaxY()).as(id).isCloseTo(-7.50, within(1e-6));
      assertThat(GeodesicMeasure.hectares(LayerFeatures.all(l).get(0).geometry())).as(id)
          .isCloseTo(457.7356, within(0.01));
    }
    assertThat(catalog.layer("estates_tm3").orElseThrow().sourceEpsg()).isEqualTo(23836);
    assertThat(catalog.layer("estates_legacy").orElseThrow().sourceEpsg()).isEqualTo(32749);
    assertThat(catalog.layers(LayerRole.ROAD)).hasSize(1);
    assertThat(catalog.layer("roads").orElseThrow().geometryKind()).isEqualTo(GeometryKind.LINE);

    Layer broken = catalog.layer("broken").orElseThrow();
    assertThat(broken.repairedCount()).as("the bow-tie").isEqualTo(1);
    assertThat(broken.skippedCount()).as("the null geometry").isEqualTo(1);
    assertThat(LayerFeatures.all(broken)).extracting(f -> f.id()).containsExactly("bowtie", "valid");
    assertThat(broken.feature("bowtie").orElseThrow().geometry().isValid()).isTrue();
    assertThat(broken.candidates(new Envelope(112.59, 112.63, -7.61, -7.57))).hasSize(1);
  }
}
