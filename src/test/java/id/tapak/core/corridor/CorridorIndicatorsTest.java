package id.tapak.core.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.rulebook.RulebookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Indicator arithmetic on a fixture of lon/lat rectangles ({@code src/test/resources/fixtures/corridor}, written by
 * hand as GeoJSON): two kabupaten side by side, a 0.02° × 0.02° KPI block in each, LP2B in the south quarter of the
 * western block (LP2B data declared for the western kabupaten only), an estate in its north-east quarter and a toll
 * road north of both blocks. Every expected figure is the geodesic area of a rectangle (GeographicLib), computed
 * here independently of the overlay code.
 */
class CorridorIndicatorsTest {

  static final Path FIXTURE = Path.of("src/test/resources/fixtures/corridor");
  static CorridorService service;
  static CorridorReport report;

  static double ha(double x0, double y0, double x1, double y1) {
    return GeodesicMeasure.hectares(GeoJson.FACTORY.toGeometry(new Envelope(x0, x1, y0, y1)));
  }

  @BeforeAll
  static void compute() {
    Catalog c = CatalogLoader.load(FIXTURE.resolve("tapak.yml"));
    service = new CorridorService(c, RulebookLoader.forCatalog(c));
    report = service.report("uji").orElseThrow();
  }

  static Map<String, Indicators> byCode() {
    return report.members().stream().collect(Collectors.toMap(Indicators::code, Function.identity()));
  }

  @Test
  void kpiEstatesAndFreeLandAreTheRectangles() {
    double kpi = ha(112.60, -7.22, 112.62, -7.20);
    double lp2b = ha(112.60, -7.22, 112.62, -7.215);
    double estate = ha(112.61, -7.21, 112.62, -7.20);
    Indicators west = byCode().get("99.01");
    Indicators east = byCode().get("99.02");
    assertThat(west.name()).isEqualTo("Kabupaten Barat");
    assertThat(west.areaHa()).isCloseTo(ha(112.50, -7.40, 112.70, -7.10), within(1e-6));
    assertThat(west.planUncoveredHa()).isCloseTo(0, within(1e-3));
    assertThat(west.kpiHa()).isCloseTo(kpi, within(1e-4));
    assertThat(east.kpiHa()).isCloseTo(ha(112.74, -7.22, 112.76, -7.20), within(1e-4));
    assertThat(west.operatingEstateHa()).isCloseTo(estate, within(1e-4));
    assertThat(west.operatingInKpiHa()).isCloseTo(estate, within(1e-4));
    assertThat(east.operatingEstateHa()).isZero();
    Indicators.Constraint lp = west.constraints().stream().filter(x -> x.rule().equals("lp2b-overlap")).findFirst()
        .orElseThrow();
    assertThat(lp.inKpiHa()).isCloseTo(lp2b, within(1e-4));
    assertThat(lp.citation()).contains("UU 41/2009");
    // GeographicLib takes edges as geodesics: an L-shaped remainder differs from the difference of rectangles by the
    // lunes between a long edge and its two halves (here ~13 m², 5e-6 of the figure)
    assertThat(west.freeKpiHa()).isCloseTo(kpi - lp2b - estate, within(kpi * 1e-5));
    assertThat(east.freeKpiHa()).isCloseTo(east.kpiHa(), within(1e-3));
    // the whole corridor is the union: nothing counted twice
    assertThat(report.whole().kpiHa()).isCloseTo(west.kpiHa() + east.kpiHa(), within(1e-3));
    assertThat(report.whole().estates()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("KI Contoh");
      assertThat(e.ha()).isCloseTo(estate, within(1e-4));
      assertThat(e.verdict()).isNotBlank();
    });
  }

  /** LP2B is declared for the western kabupaten only: the eastern KPI is free "as far as the data goes". */
  @Test
  void freeLandIsAssessedOnlyWhereEveryConstraintLayerCovers() {
    Indicators west = byCode().get("99.01");
    Indicators east = byCode().get("99.02");
    assertThat(west.freeUnassessedHa()).isCloseTo(0, within(1e-3));
    assertThat(west.freeAssessedHa()).isCloseTo(west.freeKpiHa(), within(1e-3));
    assertThat(east.freeAssessedHa()).isCloseTo(0, within(1e-3));
    assertThat(east.freeUnassessedHa()).isCloseTo(east.kpiHa(), within(1e-3));
    Indicators.Constraint lp = east.constraints().stream().filter(x -> x.rule().equals("lp2b-overlap")).findFirst()
        .orElseThrow();
    assertThat(lp.inKpiHa()).isZero();
    assertThat(lp.kpiUnassessedHa()).isCloseTo(east.kpiHa(), within(1e-3));
    assertThat(lp.kpiAssessedHa()).isCloseTo(0, within(1e-3));
    // and each region says what every layer covers of it
    Indicators.LayerCoverage westLp2b = west.coverage().stream().filter(c -> c.layer().equals("lp2b")).findFirst()
        .orElseThrow();
    Indicators.LayerCoverage eastLp2b = east.coverage().stream().filter(c -> c.layer().equals("lp2b")).findFirst()
        .orElseThrow();
    assertThat(westLp2b.sharePct()).isCloseTo(100, within(0.01));
    assertThat(westLp2b.coveredHa()).isCloseTo(west.areaHa(), within(west.areaHa() * 1e-6));
    assertThat(eastLp2b.sharePct()).isCloseTo(0, within(0.01));
    assertThat(east.coverage()).extracting(Indicators.LayerCoverage::layer).doesNotContain("admin")
        .contains("plan", "lp2b", "protected", "water", "estates", "roads");
  }

  /**
   * The toll road runs along 7.115° S; the rulebook's access-toll distance reaches a parallel d metres south of it:
   * free KPI north of that parallel is within reach (in the west only the north-west quarter, the rest of the north
   * strip being the estate).
   */
  @Test
  void accessShareIsTheFreeLandWithinTheRulebookDistance() {
    Indicators.Access west = byCode().get("99.01").access().stream().filter(a -> a.rule().equals("access-toll"))
        .findFirst().orElseThrow();
    double edge = GeodesicMeasure.destination(112.61, -7.115, 180, west.maxM()).y;
    assertThat(edge).as("the fixture needs the reach to end inside the KPI blocks").isBetween(-7.21, -7.20);
    double expectedWest = ha(112.60, edge, 112.61, -7.20);
    double expectedEast = ha(112.74, edge, 112.76, -7.20);
    assertThat(west.withinHa()).isCloseTo(expectedWest, within(expectedWest * 0.005));
    assertThat(west.sharePct()).isCloseTo(100 * expectedWest / byCode().get("99.01").freeKpiHa(), within(0.2));
    assertThat(west.lowerBound()).isFalse();
    Indicators.Access east = byCode().get("99.02").access().stream().filter(a -> a.rule().equals("access-toll"))
        .findFirst().orElseThrow();
    assertThat(east.withinHa()).isCloseTo(expectedEast, within(expectedEast * 0.005));
    // no rail layer in the fixture: the share (0) is only a lower bound
    assertThat(byCode().get("99.01").access().stream().filter(a -> a.rule().equals("access-rail")).findFirst()
        .orElseThrow().lowerBound()).isTrue();
  }

  /** A changed layer (a second estate in the eastern KPI) changes the figures of a new catalog. */
  @Test
  void indicatorsFollowTheLayers(@TempDir Path tmp) throws Exception {
    Path yml = tmp.resolve("tapak.yml");
    String text = Files.readString(FIXTURE.resolve("tapak.yml"))
        .replace("path: estates.geojson", "path: estates_more.geojson")
        .replace("rulebook: ../../../../../layers/rules/pp20-2024.yml",
            "rulebook: " + Path.of("layers/rules/pp20-2024.yml").toAbsolutePath());
    text = text.replaceAll("path: ([a-z_0-9]+\\.geojson)", "path: " + FIXTURE.toAbsolutePath() + "/$1");
    Files.writeString(yml, text);
    Catalog c = CatalogLoader.load(yml);
    Indicators east = new CorridorService(c, RulebookLoader.forCatalog(c)).report("uji").orElseThrow().members()
        .get(1);
    double second = ha(112.74, -7.22, 112.75, -7.20);
    assertThat(east.operatingEstateHa()).isCloseTo(second, within(1e-4));
    assertThat(east.freeKpiHa()).isCloseTo(byCode().get("99.02").freeKpiHa() - second, within(1e-3));
    assertThat(east.estates()).extracting(Indicators.EstateStatus::name).containsExactly("KI Timur");
  }

  @Test
  void aWrongMemberStopsStartUpNamingTheCorridor(@TempDir Path tmp) throws Exception {
    Path yml = tmp.resolve("tapak.yml");
    String text = Files.readString(FIXTURE.resolve("tapak.yml")).replace("\"99.02\"]", "\"99.03\"]")
        .replace("rulebook: ../../../../../layers/rules/pp20-2024.yml",
            "rulebook: " + Path.of("layers/rules/pp20-2024.yml").toAbsolutePath())
        .replaceAll("path: ([a-z_0-9]+\\.geojson)", "path: " + FIXTURE.toAbsolutePath() + "/$1");
    Files.writeString(yml, text);
    Catalog c = CatalogLoader.load(yml);
    assertThatThrownBy(() -> new CorridorService(c, RulebookLoader.forCatalog(c)))
        .isInstanceOf(ProjectFileException.class).hasMessageContaining("corridor 'uji'")
        .hasMessageContaining("members").hasMessageContaining("99.03");
  }

  /**
   * A grid too fine for its corridor is refused at start-up, not at the first map: Bromo Tengger Semeru of the demo
   * (four kabupaten, about 8,500 km²) at 250 m cells would need more than {@code MAX_CELLS}.
   */
  @Test
  void tooManyCellsStopStartUp(@TempDir Path tmp) throws Exception {
    Path demo = Path.of("layers").toAbsolutePath();
    String text = Files.readString(demo.resolve("tapak.yml"))
        .replaceAll("(path|style): ([A-Za-z_0-9./]+\\.(gpkg|geojson|zip|sld))", "$1: " + demo + "/$2")
        .replace("rulebook: rules/pp20-2024.yml", "rulebook: " + demo.resolve("rules/pp20-2024.yml"))
        .replace("    confidence: unverified\n", "    confidence: unverified\n    cellM: 250\n");
    Path yml = Files.writeString(tmp.resolve("tapak.yml"), text);
    Catalog c = CatalogLoader.load(yml);
    assertThatThrownBy(() -> new CorridorService(c, RulebookLoader.forCatalog(c)))
        .isInstanceOf(ProjectFileException.class).hasMessageContaining("corridor 'bromo-tengger-semeru'")
        .hasMessageContaining("key 'cellM'").hasMessageContaining("more than " + SuitabilityGrid.MAX_CELLS);
    assertThat(SuitabilityGrid.cellCount(service.corridor("uji").orElseThrow())).isBetween(5_000L, 7_000L);
  }

  @Test
  void csvHasOneRowPerRegionWithTheSameFigures() {
    String csv = new String(CorridorWriter.csv(report), java.nio.charset.StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("corridor,level,code,name,area_ha").contains("lp2b-overlap_in_kpi_ha")
        .contains("access-toll_share_pct");
    assertThat(lines[2]).startsWith("uji,kabupaten_kota,99.01,Kabupaten Barat,")
        .contains(String.format(java.util.Locale.ROOT, ",%.4f,", byCode().get("99.01").kpiHa()));
    assertThat(CorridorWriter.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(CorridorWriter.cell("a,b")).isEqualTo("\"a,b\"");
  }
}
