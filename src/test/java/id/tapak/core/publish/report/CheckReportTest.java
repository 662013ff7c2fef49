package id.tapak.core.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.publish.report.ReportLabels.Lang;
import id.tapak.core.publish.wms.WmsLayers;
import id.tapak.core.publish.wms.WmsService;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.store.SqliteCheckStore;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The printed report over the demo project: a real check of the Mojosari fixture (KPI and LP2B conflicts) read back
 * from its stored JSON, its location from the admin layers, the data used from the catalog, CSV/HTML/PDF content and
 * the map; and the report contract of the defensible-verdicts work (NOT_ASSESSED, INCOMPLETE, notAssessed, dataUsed,
 * industrial-company), rendered when present and derived when absent.
 */
class CheckReportTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static Catalog demo;
  static ConformityReport checked;
  static byte[] json;
  @TempDir
  static Path dir;
  static SqliteCheckStore store;

  @BeforeAll
  static void check() throws Exception {
    demo = CatalogLoader.load(Path.of("layers/tapak.yml"));
    ObjectNode site = (ObjectNode) JSON.readTree(Files.readString(
        Path.of("src/test/resources/fixtures/webmap/site-mojosari.geojson")));
    ((ObjectNode) site.path("properties")).put("industrial_plot_ha", 150).put("ikm_ha", 4)
        .put("green_space_ha", 25).put("road_ha", 20);
    ProposalParser parser = new ProposalParser(new ProposalLimits(50_000, 20 << 20, 1000));
    checked = new ConformityEngine(demo, RulebookLoader.forCatalog(demo))
        .check(parser.parse(JSON.writeValueAsBytes(site)));
    json = ReportWriter.json(checked, null);
    store = SqliteCheckStore.open(dir);
    store.save(checked);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void readsTheStoredReportWithLocationAndDataUsed() throws Exception {
    CheckReport r = CheckReport.parse(json, demo);
    assertEquals("NOT_CONFORM", r.verdict());
    assertEquals(checked.siteHa(), r.siteHa(), 1e-9);
    assertEquals(checked.findings().size(), r.findings().size());
    assertEquals("FAIL", r.findings().stream().filter(f -> f.rule().equals("lp2b-overlap")).findFirst().orElseThrow()
        .status());
    assertNotNull(r.findings().get(0).conflictHa(), "kpi-allocation has a conflict area");
    // the site lies in Kab. Mojokerto, in the Gerbang Kertosusila priority region
    String where = ReportRows.location(r, Lang.ID);
    assertTrue(where.contains("Kabupaten Mojokerto"), where);
    assertTrue(where.contains("Gerbang Kertosusila"), where);
    assertTrue(where.contains("Kecamatan: "), where);
    // the stored report's own notAssessed and dataUsed are read as they are (the fallbacks are tested below)
    assertEquals(JSON.readTree(json).path("notAssessed").size(), r.notAssessed().size());
    assertTrue(r.notAssessed().stream().allMatch(n -> n.reason() != null && !n.reason().id().isBlank()));
    CheckReport.DataUsed plan = r.dataUsed().stream().filter(d -> d.layer().equals("rtrw_pola_ruang")).findFirst()
        .orElseThrow();
    assertTrue(plan.schematic());
    assertNotNull(plan.regulation());
    assertTrue(plan.regulation().contains("Mojokerto"), plan.regulation());
    // the location rule read the admin layers: they are data the report used, so they are named too
    assertTrue(r.dataUsed().stream().anyMatch(d -> d.layer().equals("kecamatan")), "the location's admin layer");
  }

  @Test
  void csvHasOneRowPerFindingWithCodesAndPointDecimals() {
    String csv = new String(CsvReportWriter.write(CheckReport.parse(json, demo)), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertEquals(checked.findings().size() + 1, lines.size());
    assertEquals(String.join(",", CsvReportWriter.HEADER), lines.get(0));
    String lp2b = lines.stream().filter(l -> l.contains(",lp2b-overlap,")).findFirst().orElseThrow();
    double ha = checked.finding("lp2b-overlap").orElseThrow().conflictHa();
    assertTrue(lp2b.contains(",FAIL,Tidak memenuhi,"), lp2b);
    assertTrue(lp2b.contains(",UU 41/2009 Pasal 44,confirmed,"), lp2b);
    assertTrue(lp2b.contains(String.format(java.util.Locale.ROOT, ",%.4f,", ha).replaceAll("0+,$", ",")), lp2b);
  }

  @Test
  void whoMadeTheCheckIsPrintedWhenTheStoreKnowsIt() {
    // a stored report has no createdBy member: the store's record of it is passed in
    CheckReport by = CheckReport.parse(json, demo, "perencana.gresik");
    assertEquals("perencana.gresik", by.createdBy());
    String[] row = ReportRows.facts(by, Lang.ID, Instant.EPOCH).stream()
        .filter(r -> r[0].equals("Diperiksa oleh (nama token akses)")).findFirst().orElseThrow();
    assertEquals("perencana.gresik", row[1]);
    List<String> csv = new String(CsvReportWriter.write(by), StandardCharsets.UTF_8).lines().toList();
    assertTrue(csv.get(0).endsWith(",created_by"), csv.get(0));
    assertTrue(csv.get(1).endsWith(",perencana.gresik"), csv.get(1));
    // a check stored before who made it was recorded: no row, an empty column
    CheckReport old = CheckReport.parse(json, demo);
    assertNull(old.createdBy());
    assertTrue(ReportRows.facts(old, Lang.EN, Instant.EPOCH).stream().noneMatch(r -> r[0].startsWith("Checked by")));
    assertTrue(new String(CsvReportWriter.write(old), StandardCharsets.UTF_8).lines().skip(1)
        .allMatch(l -> l.endsWith(",")));
  }

  @Test
  void numbersFollowTheLanguage() {
    assertEquals("1.250,50", ReportLabels.number(1250.5, 2, Lang.ID));
    assertEquals("1,250.50", ReportLabels.number(1250.5, 2, Lang.EN));
    assertEquals("18,59 ha", ReportLabels.hectares(18.5871, Lang.ID));
    assertEquals("0,0042 ha", ReportLabels.value(0.0042, "ha", Lang.ID));
    assertEquals("1.250 m", ReportLabels.value(1250.0, "m", Lang.ID));
    assertEquals("41,00 %", ReportLabels.value(41.0, "%", Lang.ID));
  }

  @Test
  void htmlIsIndonesianFirstWithEnglishOnRequest() {
    CheckReport r = CheckReport.parse(json, demo);
    HtmlReportWriter.Links links = new HtmlReportWriter.Links("map.png", "report.pdf", "report.csv", "../x",
        "../x?f=geojson", "report.html?lang=en", "/?check=x");
    String id = new String(HtmlReportWriter.write(r, Lang.ID, Instant.parse("2026-12-01T10:00:00Z"), links),
        StandardCharsets.UTF_8);
    assertTrue(id.startsWith("<!DOCTYPE html>\n<html lang=\"id\">"));
    assertTrue(id.contains("<b>Tidak sesuai</b>"));
    assertTrue(id.contains(ReportLabels.hectares(checked.siteHa(), Lang.ID)));
    assertTrue(id.contains("1 Desember 2026, 10:00 UTC"));
    assertTrue(id.contains("KKPR"));
    for (var f : checked.findings()) {
      assertTrue(id.contains(HtmlReportWriter.esc(f.citation().text())), f.ruleId());
    }
    String en = new String(HtmlReportWriter.write(r, Lang.EN, Instant.now(), links), StandardCharsets.UTF_8);
    assertTrue(en.contains("<html lang=\"en\">") && en.contains("<b>Not conform</b>"));
  }

  /** The contract of the parallel rulebook work, applied to the real report: what the page and PDF must show. */
  @Test
  void notAssessedIncompleteAndIndustrialCompanyRenderWhenPresent() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(json);
    root.put("verdict", "INCOMPLETE").put("kind", "industrial-company");
    ObjectNode setback = null;
    for (var f : root.path("findings")) {
      if (f.path("rule").asString().equals("setback")) {
        setback = (ObjectNode) f;
      }
    }
    assertNotNull(setback);
    setback.put("status", "NOT_ASSESSED").put("assessedHa", 100.25).put("unassessedHa", 126.3);
    setback.putObject("reason").put("id", "Tidak ada data sungai di sebagian tapak").put("en", "No river data here");
    // a report without the notAssessed list (stored before it existed): derived from the NOT_ASSESSED findings
    root.remove("notAssessed");
    for (var f : root.path("findings")) {
      if (f != setback && f.path("status").asString().equals("NOT_ASSESSED")) {
        ((ObjectNode) f).put("status", "WARN");
      }
    }
    CheckReport derived = CheckReport.parse(JSON.writeValueAsBytes(root), demo);
    assertEquals(1, derived.notAssessed().size());
    assertEquals("Tidak ada data sungai di sebagian tapak", derived.notAssessed().get(0).reason().id());
    assertEquals("Belum dapat disimpulkan", ReportLabels.verdict(derived.verdict()).id());
    assertEquals("Perusahaan industri", ReportLabels.kind(derived.kind()).id());
    assertEquals("Tidak dapat dinilai", ReportLabels.status("NOT_ASSESSED").id());
    assertEquals("SOMETHING_NEW", ReportLabels.status("SOMETHING_NEW").in(Lang.ID), "unknown codes fall back");
    CheckReport.Line line = derived.findings().stream().filter(f -> f.rule().equals("setback")).findFirst().orElseThrow();
    assertTrue(ReportRows.explanation(line, Lang.ID).contains("dinilai 100,25 ha, tidak dinilai 126,30 ha"));

    ArrayNode na = root.putArray("notAssessed");
    na.addObject().put("rule", "access-gas").putObject("title").put("id", "Akses gas").put("en", "Gas access");
    ((ObjectNode) na.get(0)).putObject("reason").put("id", "Lapisan gas tidak dimuat").put("en", "No gas layer");
    ArrayNode used = root.putArray("dataUsed");
    ObjectNode d = used.addObject().put("layer", "rtrw_pola_ruang").put("source", "Bappeda").put("date", "2024-05-01")
        .put("geometryQuality", "survey").put("regulation", "Perda Kab. Mojokerto 9/2012");
    d.putObject("title").put("id", "RTRW").put("en", "RTRW");
    CheckReport given = CheckReport.parse(JSON.writeValueAsBytes(root), demo);
    assertEquals(List.of("access-gas"), given.notAssessed().stream().map(CheckReport.NotAssessed::rule).toList());
    assertEquals(1, given.dataUsed().size());
    assertEquals("2024-05-01", given.dataUsed().get(0).date());
    assertEquals(List.of("RTRW (rtrw_pola_ruang)", "Bappeda", "2024-05-01", "survey", "Perda Kab. Mojokerto 9/2012"),
        ReportRows.data(given.dataUsed().get(0), Lang.ID));
    byte[] pdf = new PdfReportWriter(map()).write(given, Lang.ID, Instant.now());
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
  }

  @Test
  void mapIsDrawnByTheWmsWithTheSiteOutlined() {
    CheckReport r = CheckReport.parse(json, demo);
    BufferedImage img = map().render(r, 600, 400, Lang.ID);
    assertEquals(600, img.getWidth());
    // the site's centre lies at the image centre: the site outline is drawn dark somewhere on the middle row
    boolean dark = false;
    for (int x = 0; x < 600; x++) {
      int rgb = img.getRGB(x, 200);
      dark |= ((rgb >> 16) & 255) < 40 && ((rgb >> 8) & 255) < 40 && (rgb & 255) < 60;
    }
    assertTrue(dark, "no site outline on the middle row");
    assertTrue(map().layers().containsAll(List.of("rtrw_pola_ruang", "lp2b", WmsLayers.CHECK_SITES,
        WmsLayers.CHECK_CONFLICTS)));
  }

  static ReportMap map() {
    return new ReportMap(new WmsService(new WmsLayers(demo, List.of(store.sites(), store.conflicts()), List.of()), 4096, 4096, new TileCache(0)), demo);
  }
}
