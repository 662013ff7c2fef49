package id.tapak.cli;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import id.tapak.core.rulebook.Finding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;

/** The audit's output: one row per estate and rule, as RFC 4180 CSV or a GeoJSON FeatureCollection. */
final class AuditRows {

  private AuditRows() {}

  /**
   * One row.
   *
   * @param estateId the estate's feature id
   * @param estate the estate's name
   * @param verdict the estate's overall verdict
   * @param siteHa the estate's geodesic hectares
   * @param finding the rule's finding
   * @param geometry the conflict geometry, else the estate (lon/lat)
   */
  record Row(String estateId, String estate, String verdict, double siteHa, Finding finding, Geometry geometry) {}

  static final String HEADER = "estate_id,estate,verdict,site_ha,rule,status,measured,unit,threshold,conflict_ha,"
      + "citation,confidence,subject,message_id,message_en,assessed_ha,unassessed_ha,reason_en";

  static void writeCsv(List<Row> rows, Path out) throws IOException {
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write("\r\n");
      for (Row r : rows) {
        Finding f = r.finding();
        String[] cells = {r.estateId(), r.estate(), r.verdict(), num(r.siteHa()), f.ruleId(), f.status().name(),
            num(f.measured()), f.unit(), num(f.threshold()), num(f.conflictHa()), f.citation().text(),
            f.confidence().wireName(), f.subject(), f.message().id(), f.message().en(), num(f.assessedHa()),
            num(f.unassessedHa()), f.reason() == null ? null : f.reason().en()};
        for (int i = 0; i < cells.length; i++) {
          if (i > 0) {
            w.write(',');
          }
          w.write(csv(cells[i]));
        }
        w.write("\r\n");
      }
    }
  }

  static void writeGeoJson(List<Row> rows, Path out) throws IOException {
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (OutputStream os = Files.newOutputStream(out); JsonGenerator g = GeoJsonWriter.generator(os)) {
      List<Feature> fs = rows.stream().map(AuditRows::feature).toList();
      GeoJsonWriter.writeCollection(fs, g, null);
    }
  }

  private static Feature feature(Row r) {
    Finding f = r.finding();
    Map<String, @Nullable Object> p = new LinkedHashMap<>();
    p.put("estate_id", r.estateId());
    p.put("estate", r.estate());
    p.put("verdict", r.verdict());
    p.put("site_ha", r.siteHa());
    p.put("rule", f.ruleId());
    p.put("status", f.status().name());
    p.put("measured", f.measured());
    p.put("unit", f.unit());
    p.put("threshold", f.threshold());
    p.put("conflict_ha", f.conflictHa());
    p.put("citation", f.citation().text());
    p.put("message", f.message().en());
    p.put("assessed_ha", f.assessedHa());
    p.put("unassessed_ha", f.unassessedHa());
    p.put("reason", f.reason() == null ? null : f.reason().en());
    return new Feature(r.estateId() + "-" + f.ruleId(), r.geometry(), p);
  }

  private static String num(@Nullable Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
  }

  private static String csv(@Nullable String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
