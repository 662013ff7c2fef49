package id.tapak.core.publish.report;

import id.tapak.core.publish.report.ReportLabels.Lang;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The report as one print-friendly HTML page (A4 print stylesheet, no script, nothing from the internet): the same
 * sections as the PDF, the map as an image from {@code mapHref}, and links to the other formats.
 */
public final class HtmlReportWriter {

  /** Where the page links to: the map image and the downloads, relative to the page. */
  public record Links(String map, String pdf, String csv, String json, String geoJson, String otherLanguage,
      String webMap) {}

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1f2937;margin:0;
        background:#f3f4f6}
      main{max-width:60rem;margin:0 auto;background:#fff;padding:2rem 2.5rem}
      h1{font-size:1.5rem;margin:0} h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #d1d5db}
      .sub{color:#5a6370;margin:.2rem 0 1rem}
      .verdict{display:flex;gap:1rem;align-items:center;color:#fff;padding:.8rem 1rem;border-radius:6px}
      .verdict b{font-size:1.3rem;letter-spacing:.02em}
      table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{border:1px solid #d1d5db;padding:.35rem .5rem;
        text-align:left;vertical-align:top} th{background:#f1f3f6} .facts th{width:30%}
      td.msg{color:#4b5563;font-size:.85rem;border-top:none} tr.f td{border-bottom:none}
      .status{font-weight:700} .cite{font-weight:600} img.map{width:100%;border:1px solid #9ca3af}
      .caption{color:#5a6370;font-size:.8rem} .disclaimer{background:#fef9e7;border:1px solid #d9aa3c;padding:.8rem;
        font-weight:600;margin-top:1rem} nav{margin:.5rem 0 1rem;display:flex;gap:1rem;flex-wrap:wrap}
      nav a{color:#1d4ed8}
      @media print{body{background:#fff} main{padding:0;max-width:none} nav{display:none} tr{break-inside:avoid}
        @page{size:A4;margin:15mm}}
      """;

  private HtmlReportWriter() {}

  public static byte[] write(CheckReport r, Lang lang, Instant printed, Links links) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(esc(ReportLabels.t("title", lang) + " — " + (r.name() == null ? r.id() : r.name())))
        .append("</title><style>").append(CSS).append("</style></head><body><main>");
    h.append("<nav aria-label=\"").append(lang == Lang.EN ? "Downloads" : "Unduhan").append("\">");
    link(h, links.webMap(), lang == Lang.EN ? "Open in the web map" : "Buka di peta web");
    link(h, links.pdf(), "PDF");
    link(h, links.csv(), "CSV");
    link(h, links.geoJson(), "GeoJSON");
    link(h, links.json(), "JSON");
    link(h, links.otherLanguage(), lang == Lang.EN ? "Bahasa Indonesia" : "English");
    h.append("</nav>");
    h.append("<h1>").append(esc(ReportLabels.t("title", lang))).append("</h1><p class=\"sub\">")
        .append(esc(ReportLabels.t("subtitle", lang))).append("</p>");
    ReportLabels.Label v = ReportLabels.verdict(r.verdict());
    h.append("<div class=\"verdict\" style=\"background:").append(v.colour()).append("\" role=\"status\"><span>")
        .append(esc(ReportLabels.t("verdict", lang))).append(":</span> <b>").append(esc(v.in(lang)))
        .append("</b> <small>(").append(esc(r.verdict())).append(")</small></div>");
    h.append("<h2>").append(esc(ReportLabels.t("site", lang))).append("</h2><table class=\"facts\">");
    for (String[] row : ReportRows.facts(r, lang, printed)) {
      h.append("<tr><th scope=\"row\">").append(esc(row[0])).append("</th><td>").append(esc(row[1]))
          .append("</td></tr>");
    }
    h.append("</table><h2>").append(esc(ReportLabels.t("map", lang))).append("</h2><img class=\"map\" src=\"")
        .append(esc(links.map())).append("\" alt=\"").append(esc(ReportLabels.t("map", lang) + ": "
            + ReportLabels.hectares(r.siteHa(), lang) + ", " + ReportRows.location(r, lang))).append("\">")
        .append("<p class=\"caption\">").append(esc(ReportLabels.t("mapCaption", lang))).append("</p>");
    h.append("<h2>").append(esc(ReportLabels.t("findings", lang))).append("</h2><table><thead><tr>");
    for (String c : ReportRows.findingHeader(lang)) {
      h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (CheckReport.Line f : r.findings()) {
      List<String> cells = ReportRows.finding(f, lang);
      h.append("<tr class=\"f\" id=\"rule-").append(esc(f.rule())).append("\">");
      for (int i = 0; i < cells.size(); i++) {
        String cls = i == 1 ? " class=\"status\" style=\"color:" + ReportLabels.status(f.status()).colour() + "\""
            : i == 4 ? " class=\"cite\"" : "";
        h.append("<td").append(cls).append('>').append(esc(cells.get(i))).append("</td>");
      }
      h.append("</tr><tr><td class=\"msg\" colspan=\"6\">").append(esc(ReportRows.explanation(f, lang)))
          .append("</td></tr>");
    }
    h.append("</tbody></table><h2>").append(esc(ReportLabels.t("notAssessed", lang))).append("</h2>");
    if (r.notAssessed().isEmpty()) {
      h.append("<p>").append(esc(ReportLabels.t("noneNotAssessed", lang))).append("</p>");
    } else {
      h.append("<table><tr><th scope=\"col\">").append(esc(ReportLabels.t("rule", lang)))
          .append("</th><th scope=\"col\">").append(esc(ReportLabels.t("reason", lang))).append("</th></tr>");
      for (CheckReport.NotAssessed n : r.notAssessed()) {
        h.append("<tr><td>").append(esc(lang.pick(n.title()) + " (" + n.rule() + ")")).append("</td><td>")
            .append(esc(lang.pick(n.reason()))).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("<h2>").append(esc(ReportLabels.t("dataUsed", lang))).append("</h2><table><thead><tr>");
    for (String c : ReportRows.dataHeader(lang)) {
      h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (CheckReport.DataUsed d : r.dataUsed()) {
      h.append("<tr>");
      for (String c : ReportRows.data(d, lang)) {
        h.append("<td>").append(esc(c)).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
    if (!r.notes().isEmpty()) {
      h.append("<h2>").append(esc(ReportLabels.t("notes", lang))).append("</h2><ul>");
      for (String n : r.notes()) {
        h.append("<li>").append(esc(n)).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<p class=\"disclaimer\">").append(esc(ReportLabels.t("disclaimer", lang))).append("</p>");
    h.append("</main></body></html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void link(StringBuilder h, String href, String text) {
    h.append("<a href=\"").append(esc(href)).append("\">").append(esc(text)).append("</a>");
  }

  /** HTML text and attribute escaping. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
