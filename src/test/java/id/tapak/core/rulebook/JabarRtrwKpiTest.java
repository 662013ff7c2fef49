package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI rule on real data: the West Java RTRW pola ruang for 5 kab/kota (KUGI {@code NAMOBJ}), read from
 * {@code ../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_per_kabkota_subset.gpkg}. Reference hectares are PostGIS 3
 * {@code geography} areas, computed once and written here:
 *
 * <pre>
 * ogr2ogr -f PostgreSQL PG:"host=127.0.0.1 port=55432 dbname=gis user=postgres" \
 *   rtrwp_jabar_per_kabkota_subset.gpkg rtrwp_jabar_per_kabkota -nln rules_jabar -lco GEOMETRY_NAME=geom
 * with sites(name, g) as (values
 *  ('kpi',  ST_MakeEnvelope(107.4553, -6.4656, 107.4603, -6.4606, 4326)),
 *  ('farm', ST_MakeEnvelope(107.4070, -6.6705, 107.4130, -6.6645, 4326)),
 *  ('edge', ST_MakeEnvelope(107.4761, -6.4475, 107.4821, -6.4415, 4326))),
 * kpi as (select ST_Union(ST_MakeValid(geom)) g from rules_jabar where NAMOBJ='Kawasan Peruntukan Industri'),
 * tp  as (select ST_Union(ST_MakeValid(geom)) g from rules_jabar where NAMOBJ='Kawasan Pertanian')
 * select s.name, ST_Area(s.g::geography)/1e4, ST_Area(ST_Difference(s.g, kpi.g)::geography)/1e4,
 *        ST_Area(ST_Intersection(s.g, tp.g)::geography)/1e4 from sites s, kpi, tp;
 * -- kpi  | 30.582293975251915 | 0                  | 0
 * -- farm | 44.02090342420936  | 44.02090342420936  | 44.02090342420936
 * -- edge | 44.04007777622342  | 21.660816880559207 | 0
 * </pre>
 */
class JabarRtrwKpiTest {

  static final Path DATA = Path.of("../shared/data/rtrw_jabar_kkpr");
  static ConformityEngine engine;

  @BeforeAll
  static void load() {
    LayerSpec spec = new LayerSpec("rtrw_jabar", LocalizedText.of("RTRWP Jawa Barat", "West Java RTRW"),
        LayerRole.SPATIAL_PLAN, new SourceSpec(SourceType.GEOPACKAGE, "rtrwp_jabar_per_kabkota_subset.gpkg",
            "rtrwp_jabar_per_kabkota", null), new FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null),
        null, null, null);
    Path projectFile = DATA.resolve("tapak.yml");
    Layer layer = CatalogLoader.loadLayer(projectFile, spec, DATA);
    Catalog catalog = new Catalog(new ProjectFile(new ProjectInfo("jabar", LocalizedText.of("Jabar", "Jabar")),
        List.of(spec), null), projectFile, List.of(layer));
    engine = new ConformityEngine(catalog, RulebookLoader.read(Path.of("layers/rules/pp20-2024.yml")));
  }

  static ConformityReport check(double minLon, double minLat, double maxLon, double maxLat) {
    String json = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"industrial_plot_ha\":20,"
        + "\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],"
        + "[%s,%s]]]}}", minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    return engine.check(new ProposalParser(ProposalLimits.DEFAULT).parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  static void assertWithinPermille(double expected, double actual, String what) {
    assertTrue(Math.abs(actual - expected) <= expected * 0.001, what + ": expected " + expected + " ±0.1%, got "
        + actual);
  }

  @Test
  void siteInsideMappedKpiPasses() {
    ConformityReport r = check(107.4553, -6.4656, 107.4603, -6.4606);
    Finding f = r.finding("kpi-allocation").orElseThrow();
    assertEquals(Status.PASS, f.status(), f.message().en());
    assertEquals(100.0, f.measured());
    assertWithinPermille(30.582293975251915, r.siteHa(), "site hectares vs PostGIS");
  }

  @Test
  void siteOnFarmlandFailsWithPostgisHectares() {
    ConformityReport r = check(107.4070, -6.6705, 107.4130, -6.6645);
    Finding f = r.finding("kpi-allocation").orElseThrow();
    assertEquals(Status.FAIL, f.status());
    assertWithinPermille(44.02090342420936, f.conflictHa(), "outside-KPI hectares vs PostGIS");
    assertEquals(Verdict.NOT_CONFORM, r.verdict());
  }

  @Test
  void siteAcrossTheKpiEdgeFailsWithTheOutsidePart() {
    ConformityReport r = check(107.4761, -6.4475, 107.4821, -6.4415);
    Finding f = r.finding("kpi-allocation").orElseThrow();
    assertEquals(Status.FAIL, f.status());
    assertWithinPermille(21.660816880559207, f.conflictHa(), "outside-KPI hectares vs PostGIS");
    assertTrue(f.measured() > 49 && f.measured() < 52, "share inside " + f.measured());
  }
}
