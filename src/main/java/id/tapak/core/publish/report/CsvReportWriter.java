package id.tapak.core.publish.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One CSV row per finding (RFC 4180, UTF-8, CRLF): machine-readable, so numbers use a decimal point and statuses
 * their codes; the labels in both languages sit in their own columns.
 */
public final class CsvReportWriter {

  static final List<String> HEADER = List.of("check_id", "verdict", "site_ha", "rule", "title_id", "title_en",
      "status", "status_id", "measured", "unit", "threshold", "conflict_ha", "assessed_ha", "unassessed_ha",
      "citation", "confidence", "subject", "message_id", "message_en", "reason_id", "reason_en", "created_by");

  private CsvReportWriter() {}

  public static byte[] write(CheckReport r) {
    StringBuilder sb = new StringBuilder();
    row(sb, HEADER);
    for (CheckReport.Line f : r.findings()) {
      row(sb, List.of(r.id(), r.verdict(), num(r.siteHa()), f.rule(), f.title().id(), f.title().en(), f.status(),
          ReportLabels.status(f.status()).id(), num(f.measured()), str(f.unit()), num(f.threshold()),
          num(f.conflictHa()), num(f.assessedHa()), num(f.unassessedHa()), f.citation(), f.confidence(),
          str(f.subject()), f.message().id(), f.message().en(), f.reason() == null ? "" : f.reason().id(),
          f.reason() == null ? "" : f.reason().en(), str(r.createdBy())));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String num(@Nullable Double v) {
    if (v == null || !Double.isFinite(v)) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
        : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
  }

  private static String str(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    sb.append("\r\n");
  }
}
