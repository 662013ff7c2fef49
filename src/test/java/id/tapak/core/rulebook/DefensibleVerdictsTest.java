package id.tapak.core.rulebook;

import id.tapak.core.catalog.LayerFeatures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.CoverageSpec;
import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.report.ReportWriter;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygonal;

/**
 * Verdicts a planner can defend, on real data: the demo project ({@code layers/tapak.yml}, which declares what its
 * layers cover), the West Java per-kab/kota RTRW subset with the 2025 KKPR permits, the province RTRW layers (no KPI
 * class) and the Jombang KP2B layer (coverage: Kabupaten Jombang), all in {@code ../shared/data}.
 *
 * <p>Reference figures are PostGIS 3.3 {@code geography} measures (WGS84 ellipsoid), computed once on a throwaway
 * cluster ({@code TAPAK_PG_PORT=55441 scripts/postgis start}) and written here:
 *
 * <pre>
 * PG="host=127.0.0.1 port=55441 dbname=gis user=postgres"
 * ogr2ogr -f PostgreSQL PG:"$PG" layers/rtrw_pola_ruang.gpkg rtrw_pola_ruang -nln d8_plan -lco GEOMETRY_NAME=geom
 * ogr2ogr -f PostgreSQL PG:"$PG" layers/gas.gpkg gas_pipelines -nln d8_gas_pipelines -lco GEOMETRY_NAME=geom \
 *   -nlt PROMOTE_TO_MULTI
 * ogr2ogr -f PostgreSQL PG:"$PG" ../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_per_kabkota_subset.gpkg \
 *   rtrwp_jabar_per_kabkota -nln d8_jabar -lco GEOMETRY_NAME=geom
 * ogr2ogr -f PostgreSQL PG:"$PG" ../shared/data/rtrw_jabar_kkpr/kkpr_jabar_2025.geojson -nln d8_kkpr \
 *   -lco GEOMETRY_NAME=geom -nlt PROMOTE_TO_MULTI
 * -- the demo plan's edge (Kab. Gresik / Kab. Tuban-Jombang side): site, inside the plan, inside KPI
 * with u as (select ST_Union(ST_MakeValid(geom)) g from d8_plan),
 *      k as (select ST_Union(ST_MakeValid(geom)) g from d8_plan where NAMOBJ='Kawasan Peruntukan Industri'),
 *      s as (select ST_MakeEnvelope(112.2889, -7.3692, 112.2979, -7.3602, 4326) g)
 * select ST_Area(s.g::geography)/1e4, ST_Area(ST_Intersection(s.g,u.g)::geography)/1e4,
 *        ST_Area(ST_Intersection(ST_Intersection(s.g,u.g),k.g)::geography)/1e4 from s,u,k;
 * -- 98.9027194993496 | 10.729541935276986 | 0
 * -- the East Java Gas Pipeline through a 78 ha box: metres inside
 * with s as (select ST_MakeEnvelope(112.3248, -6.9710, 112.3328, -6.9630, 4326) g)
 * select ST_Area(s.g::geography)/1e4, sum(ST_Length(ST_Intersection(p.geom, s.g)::geography))
 *   from s, d8_gas_pipelines p where ST_Intersects(p.geom, s.g) group by s.g;
 * -- 78.2117844581604 | 1132.7124912811262
 * -- KKPR permit 208 (PT SILVA ANDIA UTAMA, Bandung Barat): site, inside the plan, inside the plan but outside KPI
 * with u as (select ST_Union(ST_MakeValid(geom)) g from d8_jabar),
 *      k as (select ST_Union(ST_MakeValid(geom)) g from d8_jabar where NAMOBJ='Kawasan Peruntukan Industri')
 * select ST_Area(ST_MakeValid(p.geom)::geography)/1e4, ST_Area(ST_Intersection(ST_MakeValid(p.geom),u.g)::geography)/1e4,
 *   ST_Area(ST_Difference(ST_Intersection(ST_MakeValid(p.geom),u.g),k.g)::geography)/1e4 from d8_kkpr p,u,k
 *   where ogc_fid=208;
 * -- 4.552308413537243 | 0.03284054893217981 | 0.03284054893217981
 * </pre>
 */
class DefensibleVerdictsTest {

  static final Path JABAR = Path.of("../shared/data/rtrw_jabar_kkpr");
  static final Rulebook RULES = RulebookLoader.read(Path.of("layers/rules/pp20-2024.yml"));
  static ConformityEngine demo;
  static ConformityEngine jabar;
  static Layer permits;

  @BeforeAll
  static void load() {
    demo = new ConformityEngine(CatalogLoader.load(Path.of("layers/tapak.yml")), RULES);
    LayerSpec plan = new LayerSpec("rtrw_jabar", LocalizedText.of("RTRW Jawa Barat", "West Java RTRW"),
        LayerRole.SPATIAL_PLAN, new SourceSpec(SourceType.GEOPACKAGE, "rtrwp_jabar_per_kabkota_subset.gpkg",
            "rtrwp_jabar_per_kabkota", null), fields("NAMOBJ"), null, null, null);
    jabar = engine(JABAR.resolve("tapak.yml"), List.of(plan), List.of(CatalogLoader.loadLayer(JABAR.resolve(
        "tapak.yml"), plan, JABAR)));
    permits = CatalogLoader.loadLayer(JABAR.resolve("tapak.yml"), new LayerSpec("kkpr", LocalizedText.of("KKPR",
        "KKPR"), LayerRole.ESTATE, new SourceSpec(SourceType.GEOJSON, "kkpr_jabar_2025.geojson", null, null), null,
        null, null, null), JABAR);
  }

  static FieldMapping fields(String planClass) {
    return new FieldMapping(null, planClass, planClass, null, null, null, null);
  }

  static ConformityEngine engine(Path projectFile, List<LayerSpec> specs, List<Layer> layers) {
    return new ConformityEngine(new Catalog(new ProjectFile(new ProjectInfo("t", LocalizedText.of("t", "t")), specs,
        null), projectFile, layers), RULES);
  }

  static ConformityReport box(ConformityEngine e, double minLon, double minLat, double maxLon, double maxLat,
      String props) {
    String json = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{%s},\"geometry\":{\"type\":"
        + "\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", props, minLon, minLat, maxLon,
        minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    return e.check(new ProposalParser(ProposalLimits.DEFAULT).parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Declared land use that passes every composition band on the 60-120 ha sites below. */
  static final String ESTATE = "\"kind\":\"new\",\"industrial_plot_ha\":40,\"ikm_ha\":1,\"green_space_ha\":15,"
      + "\"road_ha\":10";

  static Finding finding(ConformityReport r, String rule) {
    return r.finding(rule).orElseThrow();
  }

  static void near(double expected, Double actual, double tolerance, String what) {
    assertNotNull(actual, what);
    assertTrue(Math.abs(actual - expected) <= tolerance, what + ": expected " + expected + " ± " + tolerance
        + ", got " + actual);
  }

  @Test
  void aKotaBandungSiteOutsideEveryDemoLayerIsIncompleteAndSaysWhy() {
    // ~120 ha around 107.61 E, 6.91 S: before coverage this came back CONFORM
    ConformityReport r = box(demo, 107.6049, -6.9149, 107.6151, -6.9051, ESTATE);
    assertEquals(Verdict.INCOMPLETE, r.verdict(), ReportWriter.text(r));
    for (String rule : List.of("kpi-allocation", "lp2b-overlap", "protected-overlap", "setback")) {
      Finding f = finding(r, rule);
      assertEquals(Status.NOT_ASSESSED, f.status(), rule + ": " + f.message().en());
      assertEquals(0.0, f.assessedHa(), rule);
      near(r.siteHa(), f.unassessedHa(), 0.001, rule + " unassessed ha");
      assertTrue(f.reason().en().contains("outside the coverage of layer"), rule + ": " + f.reason().en());
      assertTrue(f.reason().id().contains("di luar cakupan layer"), rule + ": " + f.reason().id());
    }
    assertTrue(r.notAssessed().stream().anyMatch(f -> f.ruleId().equals("kpi-allocation")));
    assertTrue(r.dataUsed().stream().anyMatch(d -> d.layer().equals("rtrw_pola_ruang")
        && "schematic".equals(d.geometryQuality()) && d.regulation() != null && d.regulation().contains("Perda")));
  }

  @Test
  void aSiteAcrossTheDemoPlansEdgeSplitsItsHectaresAsPostgisDoes() {
    ConformityReport r = box(demo, 112.2889, -7.3692, 112.2979, -7.3602, ESTATE);
    near(98.9027194993496, r.siteHa(), 0.01, "site ha");
    Finding kpi = finding(r, "kpi-allocation");
    near(10.729541935276986, kpi.assessedHa(), 0.01, "assessed ha (inside the plan)");
    near(98.9027194993496 - 10.729541935276986, kpi.unassessedHa(), 0.01, "unassessed ha (outside the plan)");
    // the unassessed part itself, for maps (GeoJSON report, WMS check_conflicts in grey)
    near(kpi.unassessedHa(), id.tapak.core.geo.GeodesicMeasure.hectares(kpi.unassessed()), 0.01, "unassessed geometry");
    String geo = new String(ReportWriter.geoJson(r), StandardCharsets.UTF_8);
    assertTrue(geo.contains("\"role\":\"not_assessed\""));
    // the report's features come out of GeoJsonWriter as clients read them: site first, with its not-assessed rules
    // as a JSON array (not text), coordinates lon/lat with at most 7 decimals
    assertTrue(geo.startsWith("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\""
        + r.id() + "-site\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112.2889,-7.3692],"), geo);
    assertTrue(geo.contains("\"not_assessed\":[\"") && geo.contains("\"kpi-allocation\""), geo);
    assertTrue(geo.contains("\"id\":\"" + r.id() + "-kpi-allocation\",\"geometry\""), geo);
    // the covered part is not KPI: that part, and only that part, is outside KPI
    assertEquals(Status.FAIL, kpi.status(), kpi.message().en());
    near(10.729541935276986, kpi.conflictHa(), 0.01, "outside-KPI ha");
    assertNotEquals(Verdict.CONFORM, r.verdict());
  }

  @Test
  void aSiteInsideTheDemosKpiClearOfEveryConflictAndCoveredIsStillConform() {
    ConformityReport r = box(demo, 112.4804, -7.4827, 112.4874, -7.4757, ESTATE);
    assertEquals(Verdict.CONFORM, r.verdict(), ReportWriter.text(r));
    for (String rule : List.of("kpi-allocation", "lp2b-overlap", "protected-overlap", "setback", "min-expanse")) {
      assertEquals(Status.PASS, finding(r, rule).status(), rule);
    }
    assertEquals(0.0, finding(r, "lp2b-overlap").unassessedHa());
    assertEquals(r.siteHa(), r.netHa(), 1e-9);
    assertTrue(r.location().stream().anyMatch(p -> p.names().contains("Kabupaten Mojokerto")), r.location()
        .toString());
  }

  @Test
  void aGasPipelineThroughASiteIsReportedWithItsLengthInside() {
    ConformityReport r = box(demo, 112.3248, -6.9710, 112.3328, -6.9630, ESTATE);
    Finding gas = finding(r, "crossing-gas");
    assertEquals(Status.WARN, gas.status(), gas.message().en());
    near(1132.7124912811262, gas.measured(), 2, "metres of pipeline inside (PostGIS geography)");
    assertTrue(gas.subject().contains("East Java Gas Pipeline"), gas.subject());
    assertTrue(gas.conflictHa() > 0, "right-of-way hectares inside the site");
    assertTrue(gas.message().id().contains("1.133 m"), "Indonesian number format: " + gas.message().id());
    assertTrue(gas.message().en().contains("1,133 m"), gas.message().en());
    Finding access = finding(r, "access-gas");
    assertEquals(Status.PASS, access.status());
    assertEquals(null, access.measured(), "never an access 'PASS 0 m'");
  }

  @Test
  void aWrongCrsStopsStartUpWithOneLineNamingLayerCrsAndExtent(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("layers/ports.geojson"), dir.resolve("ports.geojson"));
    Files.writeString(dir.resolve("tapak.yml"), """
        project: {id: crs, title: {id: CRS, en: CRS}}
        layers:
          - id: ports_utm
            title: {id: Pelabuhan, en: Ports}
            role: port
            source: {type: geojson, path: ports.geojson, crs: "EPSG:32749"}
        """);
    ProjectFileException e = assertThrows(ProjectFileException.class,
        () -> CatalogLoader.load(dir.resolve("tapak.yml")));
    String m = e.getMessage();
    assertTrue(m.contains("layer 'ports_utm'") && m.contains("EPSG:32749") && m.contains("lat -85.5") && !m
        .contains("\n"), m);
  }

  @Test
  void aKkprPermitMostlyOutsideTheWestJavaPlanIsNotCountedOutsideKpi() {
    Feature permit = LayerFeatures.all(permits).stream().filter(f -> "PT SILVA ANDIA UTAMA".equals(f.text("Nama_Usaha")))
        .findFirst().orElseThrow();
    ConformityReport r = jabar.check(new Proposal("PT SILVA ANDIA UTAMA", Proposal.Kind.INDUSTRIAL_COMPANY, null,
        permit.geometry(), List.of(), null, null, null, null, null, List.of()));
    Finding kpi = finding(r, "kpi-allocation");
    near(4.552308413537243, r.siteHa(), 0.005, "permit ha");
    near(0.03284054893217981, kpi.assessedHa(), 0.001, "inside the plan");
    near(4.552308413537243 - 0.03284054893217981, kpi.unassessedHa(), 0.005, "outside the plan");
    // the old answer was "4.55 ha outside the KPI"; only the 0.03 ha the plan covers is outside KPI
    near(0.03284054893217981, kpi.conflictHa(), 0.001, "outside KPI");
    assertEquals(Status.FAIL, kpi.status(), kpi.message().en());
  }

  @Test
  void theKkprPermitsCheckedAsCompaniesGetVerdictsAboutThePermitNotAboutIkmLand() {
    int notAssessed = 0;
    int fail = 0;
    int checked = 0;
    Set<String> estateOnly = Set.of("min-expanse", "ikm-land", "ikm-share", "composition-plots",
        "composition-green", "composition-roads", "estate-overlap");
    for (Feature f : LayerFeatures.all(permits)) {
      if (!(f.geometry() instanceof Polygonal)) {
        continue;
      }
      ConformityReport r = jabar.check(new Proposal(f.text("Nama_Usaha"), Proposal.Kind.INDUSTRIAL_COMPANY, null,
          f.geometry(), List.of(), null, null, null, null, null, List.of()));
      checked++;
      for (String rule : estateOnly) {
        assertEquals(Status.NOT_APPLICABLE, finding(r, rule).status(), rule + " for " + f.text("Nama_Usaha"));
      }
      Status kpi = finding(r, "kpi-allocation").status();
      notAssessed += kpi == Status.NOT_ASSESSED ? 1 : 0;
      fail += kpi == Status.FAIL ? 1 : 0;
      // no estate layer is loaded: whether the company may lie outside an estate cannot be judged, never PASS
      assertEquals(Status.NOT_ASSESSED, finding(r, "company-location").status());
      assertNotEquals(Verdict.CONFORM, r.verdict());
    }
    assertEquals(235, checked);
    // 5 kab/kota of 27 are in the subset: most permits lie outside the plan, a few are outside KPI inside it
    assertTrue(notAssessed >= 200, "outside the plan: " + notAssessed);
    assertTrue(fail >= 10 && fail <= 20, "outside KPI: " + fail);
  }

  @Test
  void theProvinceRtrwWithoutAnyKpiClassIsFlaggedAndCannotFailTheKpiRule() {
    LayerSpec spec = new LayerSpec("rtrw_prov_konservasi", LocalizedText.of("RTRW Jabar", "RTRW Jabar"),
        LayerRole.SPATIAL_PLAN, new SourceSpec(SourceType.GEOPACKAGE, "rtrwp_jabar_polaruang_layers.gpkg",
            "kawasan_konservasi", null), fields("NAMOBJ"), null, null, null);
    Layer layer = CatalogLoader.loadLayer(JABAR.resolve("tapak.yml"), spec, JABAR);
    ConformityEngine e = engine(JABAR.resolve("tapak.yml"), List.of(spec), List.of(layer));
    assertEquals(Map.of("rtrw_prov_konservasi", List.of(LayerFlags.NO_KPI_CLASS)), LayerFlags.of(e.catalog(),
        RULES));
    assertEquals(1, LayerFlags.warnings(e.catalog(), RULES).size());
    // a box on a conservation polygon: the layer is there, but it has no KPI class
    Feature konservasi = LayerFeatures.all(layer).get(0);
    var c = konservasi.geometry().getInteriorPoint().getCoordinate();
    ConformityReport r = box(e, c.x - 0.0035, c.y - 0.0035, c.x + 0.0035, c.y + 0.0035, ESTATE);
    Finding kpi = finding(r, "kpi-allocation");
    assertEquals(Status.NOT_ASSESSED, kpi.status(), kpi.message().en());
    assertTrue(kpi.reason().en().contains("rtrw_prov_konservasi has none of the classes"), kpi.reason().en());
    // the same layer still speaks for the theme it carries: the site is on a conservation area
    assertEquals(Status.FAIL, finding(r, "protected-overlap").status());
    assertEquals(Verdict.NOT_CONFORM, r.verdict());
  }

  @Test
  void jombangKp2bCoversKabupatenJombangOnly() {
    Path project = Path.of("layers/tapak.yml");
    LayerSpec admin = new LayerSpec("kab", LocalizedText.of("Kabupaten", "Regencies"), LayerRole.ADMIN,
        new SourceSpec(SourceType.GEOPACKAGE, "admin.gpkg", "kabupaten_kota", null),
        new FieldMapping("kode", "nama", null, null, null, null, null), null, null, null);
    LayerSpec kp2b = new LayerSpec("kp2b_jombang", LocalizedText.of("KP2B Jombang", "KP2B Jombang"),
        LayerRole.FARMLAND, new SourceSpec(SourceType.GEOJSON,
            Path.of("../shared/data/rtrw_jombang_kp2b/rtrw_jombang_2021_2041_kp2b_tanaman_pangan.geojson")
                .toAbsolutePath().toString(), null, null), null, null, null, null,
        new CoverageSpec(null, "kab", List.of("35.17"), null, null), "Perda Kab. Jombang RTRW 2021-2041", null,
        null);
    List<Layer> layers = new ArrayList<>();
    layers.add(CatalogLoader.loadLayer(project, admin, Path.of("layers")));
    layers.add(CatalogLoader.loadLayer(project, kp2b, Path.of("layers")));
    ConformityEngine e = engine(project, List.of(admin, kp2b), layers);
    // the largest KP2B polygon, well inside the kabupaten
    Feature largest = LayerFeatures.all(layers.get(1)).stream().max(java.util.Comparator.comparingDouble(
        f -> f.geometry().getArea())).orElseThrow();
    var c = largest.geometry().getInteriorPoint().getCoordinate();
    ConformityReport on = box(e, c.x - 0.0005, c.y - 0.0005, c.x + 0.0005, c.y + 0.0005, ESTATE);
    Finding lp2b = finding(on, "lp2b-overlap");
    assertEquals(Status.FAIL, lp2b.status(), lp2b.message().en());
    assertEquals(0.0, lp2b.unassessedHa(), 0.001);
    assertTrue(on.dataUsed().stream().anyMatch(d -> d.layer().equals("kp2b_jombang")
        && d.coverage().en().contains("35.17")), on.dataUsed().toString());
    // Kabupaten Mojokerto, next door: the Jombang layer says nothing there
    ConformityReport off = box(e, 112.4804, -7.4827, 112.4874, -7.4757, ESTATE);
    Finding none = finding(off, "lp2b-overlap");
    assertEquals(Status.NOT_ASSESSED, none.status(), none.message().en());
    near(off.siteHa(), none.unassessedHa(), 0.001, "unassessed ha");
  }
}
