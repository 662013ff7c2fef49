package id.tapak.web.checks;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.render.PngEncoder;
import id.tapak.core.publish.report.CheckReport;
import id.tapak.core.publish.report.CsvReportWriter;
import id.tapak.core.publish.report.HtmlReportWriter;
import id.tapak.core.publish.report.PdfReportWriter;
import id.tapak.core.publish.report.ReportLabels.Lang;
import id.tapak.core.publish.report.ReportLabels;
import id.tapak.core.publish.report.ReportMap;
import id.tapak.core.publish.wms.WmsService;
import id.tapak.core.store.CheckStore;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable report of a stored check: {@code report.pdf}, {@code report.html} (print-friendly),
 * {@code report.csv} (one row per finding) and {@code map.png} (the site map drawn by the WMS code), each under
 * {@code /api/checks/{id}/}; {@code lang=en} for English, Indonesian otherwise. {@code /api/report-labels} gives the
 * web map the same bilingual labels. Thin: read the stored check, hand it to the writers in
 * {@code core.publish.report}.
 */
@RestController
class ReportController {

  private static final String BASE = "/api/checks/{id}";
  private static final int MAX_MAP_PX = 2000;

  private final CheckStore store;
  private final Catalog catalog;
  private final ReportMap map;
  private final PdfReportWriter pdf;

  ReportController(CheckStore store, Catalog catalog, WmsService wms) {
    this.store = store;
    this.catalog = catalog;
    this.map = new ReportMap(wms, catalog);
    this.pdf = new PdfReportWriter(map);
  }

  @GetMapping(BASE + "/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(required = false) @Nullable String lang) {
    CheckReport r = report(id);
    return file(pdf.write(r, Lang.of(lang), Instant.now()), MediaType.APPLICATION_PDF,
        "tapak-" + r.id() + "-" + Lang.of(lang).code() + ".pdf", true);
  }

  @GetMapping(BASE + "/report.html")
  ResponseEntity<byte[]> html(@PathVariable String id, @RequestParam(required = false) @Nullable String lang) {
    CheckReport r = report(id);
    Lang l = Lang.of(lang);
    String q = "?lang=" + l.code();
    HtmlReportWriter.Links links = new HtmlReportWriter.Links("map.png" + q, "report.pdf" + q, "report.csv",
        "../" + r.id(), "../" + r.id() + "?f=geojson", "report.html?lang=" + (l == Lang.EN ? "id" : "en"),
        "/?check=" + r.id());
    return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .body(HtmlReportWriter.write(r, l, Instant.now(), links));
  }

  @GetMapping(BASE + "/report.csv")
  ResponseEntity<byte[]> csv(@PathVariable String id) {
    CheckReport r = report(id);
    return file(CsvReportWriter.write(r), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
        "tapak-" + r.id() + ".csv", false);
  }

  @GetMapping(BASE + "/map.png")
  ResponseEntity<byte[]> mapImage(@PathVariable String id, @RequestParam(required = false) @Nullable String lang,
      @RequestParam(defaultValue = "1200") String width, @RequestParam(defaultValue = "800") String height) {
    CheckReport r = report(id);
    byte[] png = PngEncoder.encode(map.render(r, px("width", width), px("height", height), Lang.of(lang)));
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
  }

  @GetMapping(value = "/api/report-labels", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Map<String, ReportLabels.Label>> labels() {
    return ReportLabels.all();
  }

  private CheckReport report(String id) {
    CheckStore.StoredCheck c = store.find(id)
        .orElseThrow(() -> TapakException.notFound("id", "no check with id '" + id + "'"));
    return CheckReport.parse(c.reportJson(), catalog, c.summary().createdBy());
  }

  private static int px(String name, String v) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 100 && n <= MAX_MAP_PX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw TapakException.badRequest(name, name + " must be an integer from 100 to " + MAX_MAP_PX + ", got '" + v
        + "'");
  }

  /** A file answer: the PDF opens in the browser (inline), the CSV is saved (attachment). */
  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename, boolean inline) {
    ContentDisposition d = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(filename).build();
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, d.toString()).body(body);
  }
}
