package id.tapak.scripts;

import id.tapak.core.catalog.LayerFeatures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.Feature;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/import} on the local PostGIS cluster (port from {@code TAPAK_PG_URL}): the West Java per-kab/kota
 * RTRW GeoPackage goes in with ogr2ogr, the {@code tapak.yml} entry the script prints is served as a
 * {@code postgis} layer, and it gives the same features, hectares and KPI findings as the GeoPackage itself. A
 * shapefile without {@code .prj} is refused unless its CRS is given.
 */
@Tag("postgis")
class ImportScriptTest {

  static final String URL = System.getenv().getOrDefault("TAPAK_PG_URL",
      "jdbc:postgresql://127.0.0.1:55432/gis?user=postgres");
  static final Path GPKG = Path.of("../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_per_kabkota_subset.gpkg")
      .toAbsolutePath().normalize();
  static final Path RULEBOOK = Path.of("layers/rules/pp20-2024.yml").toAbsolutePath();

  record Run(int exit, String out, String err) {}

  static Run importScript(Path work, String... args) throws Exception {
    Matcher port = Pattern.compile("://[^:/]+:(\\d+)/").matcher(URL);
    assertThat(port.find()).as("port in TAPAK_PG_URL " + URL).isTrue();
    List<String> cmd = new ArrayList<>(List.of("scripts/import"));
    cmd.addAll(List.of(args));
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("TAPAK_PG_PORT", port.group(1));
    pb.environment().remove("TAPAK_IMPORT_PG");
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("scripts/import finishes").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Catalog project(Path dir, String layerYaml) throws IOException {
    Files.createDirectories(dir);
    Path yml = dir.resolve("tapak.yml");
    Files.writeString(yml, "project:\n  id: import-test\n  title: {id: Uji impor, en: Import test}\n"
        + "rulebook: " + RULEBOOK + "\nlayers:\n" + layerYaml, StandardCharsets.UTF_8);
    return CatalogLoader.load(yml);
  }

  static ConformityReport check(Catalog c, double minLon, double minLat, double maxLon, double maxLat) {
    String json = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"industrial_plot_ha\":20,"
        + "\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],"
        + "[%s,%s]]]}}", minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    return new ConformityEngine(c, RulebookLoader.forCatalog(c)).check(new ProposalParser(ProposalLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void importedRtrwAnswersAsTheGeoPackage(@TempDir Path tmp) throws Exception {
    Run r = importScript(tmp, GPKG.toString(), "--layer", "rtrw_jabar", "--role", "spatial-plan", "--schema",
        "tapak_import_test");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("-> tapak_import_test.rtrw_jabar: 33 features, 0 invalid geometries");
    assertThat(r.out()).contains("role: spatial-plan").contains("type: postgis")
        .contains("layer: tapak_import_test.rtrw_jabar").contains("planClass: NAMOBJ");

    Catalog file = project(tmp.resolve("file"), "  - id: rtrw_jabar\n    title: {id: RTRWP, en: RTRWP}\n"
        + "    role: spatial-plan\n    source: {type: geopackage, path: " + GPKG + ", layer: rtrwp_jabar_per_kabkota}\n"
        + "    fields: {name: NAMOBJ, planClass: NAMOBJ}\n");
    Catalog pg = project(tmp.resolve("pg"), r.out());
    List<Feature> a = LayerFeatures.all(file.layers().get(0));
    List<Feature> b = LayerFeatures.all(pg.layers().get(0));
    assertThat(b).hasSameSizeAs(a).hasSize(33);
    double haA = a.stream().mapToDouble(f -> GeodesicMeasure.hectares(f.geometry())).sum();
    double haB = b.stream().mapToDouble(f -> GeodesicMeasure.hectares(f.geometry())).sum();
    assertThat(haB).isCloseTo(haA, within(haA * 1e-6));
    for (int i = 0; i < a.size(); i++) {
      Map<String, Object> pa = a.get(i).properties();
      assertThat(b.get(i).properties().get("NAMOBJ")).isEqualTo(pa.get("NAMOBJ"));
    }
    // the sites of JabarRtrwKpiTest: inside KPI, on farmland, across the KPI edge
    double[][] sites = {{107.4553, -6.4656, 107.4603, -6.4606}, {107.4070, -6.6705, 107.4130, -6.6645},
        {107.4761, -6.4475, 107.4821, -6.4415}};
    for (double[] s : sites) {
      Finding fa = check(file, s[0], s[1], s[2], s[3]).finding("kpi-allocation").orElseThrow();
      Finding fb = check(pg, s[0], s[1], s[2], s[3]).finding("kpi-allocation").orElseThrow();
      assertThat(fb.status()).isEqualTo(fa.status());
      assertThat(fb.measured()).isCloseTo(fa.measured(), within(1e-6));
      assertThat(fb.conflictHa() == null ? 0 : fb.conflictHa()).isCloseTo(fa.conflictHa() == null ? 0
          : fa.conflictHa(), within(1e-6));
    }
  }

  @Test
  void aShapefileWithoutPrjNeedsItsCrs(@TempDir Path tmp) throws Exception {
    Path shp = tmp.resolve("estates.shp");
    // fixture: ogr2ogr -f "ESRI Shapefile" estates.shp src/test/resources/fixtures/rules/estates.geojson; rm estates.prj
    Process p = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(),
        "src/test/resources/fixtures/rules/estates.geojson").redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("ogr2ogr (gdal-bin) makes the fixture")
        .isTrue();
    Files.delete(tmp.resolve("estates.prj"));
    Run refused = importScript(tmp, shp.toString(), "--schema", "tapak_import_test", "--role", "estate");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("declares no CRS").contains("--s-srs");
    Run given = importScript(tmp, shp.toString(), "--schema", "tapak_import_test", "--role", "estate", "--s-srs",
        "EPSG:4326");
    assertThat(given.exit()).as(given.err()).isZero();
    assertThat(given.out()).contains("id: estates").contains("role: estate");
    Run badRole = importScript(tmp, shp.toString(), "--role", "factory");
    assertThat(badRole.exit()).isEqualTo(2);
    assertThat(badRole.err()).contains("unknown role 'factory'");
  }
}
