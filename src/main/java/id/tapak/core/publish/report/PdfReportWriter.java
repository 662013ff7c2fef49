package id.tapak.core.publish.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.tapak.core.publish.report.ReportLabels.Lang;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.Instant;
import java.util.List;

/**
 * The report as a PDF (A4 portrait), made with OpenPDF: title, verdict badge, the site's facts, the map from
 * {@link ReportMap}, the findings with their citations, the rules not assessed, the data used, notes and the
 * disclaimer that the report does not replace the official KKPR assessment. Uses the PDF standard Helvetica fonts
 * (no font file to ship); characters outside their WinAnsi encoding (≥, ≤) are written out.
 */
public final class PdfReportWriter {

  /** Map image size in pixels; drawn 515 pt wide (the A4 text width), about 140 dpi, so WMS labels stay legible. */
  static final int MAP_WIDTH = 1000;
  static final int MAP_HEIGHT = 640;

  private static final Color INK = new Color(31, 41, 55);
  private static final Color MUTED = new Color(90, 99, 112);
  private static final Color RULE = new Color(209, 213, 219);
  private static final Color HEAD = new Color(241, 243, 246);
  private static final Font H1 = new Font(Font.HELVETICA, 16, Font.BOLD, INK);
  private static final Font H2 = new Font(Font.HELVETICA, 11.5f, Font.BOLD, INK);
  private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL, INK);
  private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD, INK);
  private static final Font SMALL = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, MUTED);
  private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 7.5f, Font.BOLD, INK);

  private final ReportMap map;

  public PdfReportWriter(ReportMap map) {
    this.map = map;
  }

  public byte[] write(CheckReport r, Lang lang, Instant printed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 40, 40, 40, 48);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(pdf(ReportLabels.t("title", lang) + " — " + (r.name() == null ? r.id() : r.name())));
      doc.addCreator("Tapak");
      HeaderFooter footer = new HeaderFooter(new Phrase(pdf("Tapak · " + ReportLabels.t("checkId", lang) + " "
          + r.id() + " · " + ReportLabels.t("page", lang) + " "), SMALL), true);
      footer.setBorder(Rectangle.TOP);
      footer.setBorderColor(RULE);
      footer.setAlignment(Element.ALIGN_RIGHT);
      doc.setFooter(footer);
      doc.open();
      header(doc, r, lang);
      table(doc, ReportRows.facts(r, lang, printed));
      h2(doc, ReportLabels.t("map", lang));
      Image img = Image.getInstance(map.render(r, MAP_WIDTH, MAP_HEIGHT, lang), null);
      img.scaleToFit(doc.getPageSize().getWidth() - 80, 400);
      img.setAlignment(Element.ALIGN_CENTER);
      doc.add(img);
      doc.add(para(ReportLabels.t("mapCaption", lang), SMALL, 2));
      findings(doc, r, lang);
      notAssessed(doc, r, lang);
      dataUsed(doc, r, lang);
      if (!r.notes().isEmpty()) {
        h2(doc, ReportLabels.t("notes", lang));
        for (String n : r.notes()) {
          doc.add(para("• " + n, BODY, 1));
        }
      }
      h2(doc, ReportLabels.t("disclaimerTitle", lang));
      PdfPTable box = new PdfPTable(1);
      box.setWidthPercentage(100);
      PdfPCell c = cell(ReportLabels.t("disclaimer", lang), BOLD);
      c.setBackgroundColor(new Color(254, 249, 231));
      c.setBorderColor(new Color(217, 170, 60));
      c.setPadding(8);
      box.addCell(c);
      doc.add(box);
      doc.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("PDF report could not be written", e);
    }
    return out.toByteArray();
  }

  private static void header(Document doc, CheckReport r, Lang lang) throws DocumentException {
    doc.add(para(ReportLabels.t("title", lang), H1, 0));
    doc.add(para(ReportLabels.t("subtitle", lang), SMALL, 6));
    ReportLabels.Label v = ReportLabels.verdict(r.verdict());
    PdfPTable t = new PdfPTable(new float[] {1.3f, 3f});
    t.setWidthPercentage(100);
    t.setSpacingBefore(4);
    t.setSpacingAfter(8);
    PdfPCell k = cell(ReportLabels.t("verdict", lang), new Font(Font.HELVETICA, 10, Font.BOLD, Color.WHITE));
    k.setBackgroundColor(INK);
    k.setPadding(8);
    k.setBorder(Rectangle.NO_BORDER);
    t.addCell(k);
    Phrase p = new Phrase();
    p.add(new Chunk(pdf(v.in(lang).toUpperCase(java.util.Locale.ROOT)), new Font(Font.HELVETICA, 14, Font.BOLD,
        Color.WHITE)));
    p.add(new Chunk(pdf("   " + r.verdict() + " · " + summary(r, lang)), new Font(Font.HELVETICA, 8.5f,
        Font.NORMAL, Color.WHITE)));
    PdfPCell val = new PdfPCell(p);
    val.setBackgroundColor(Color.decode(v.colour()));
    val.setPadding(8);
    val.setBorder(Rectangle.NO_BORDER);
    t.addCell(val);
    doc.add(t);
  }

  /** "9 memenuhi, 5 peringatan, 2 tidak memenuhi, ..." counted from the findings. */
  private static String summary(CheckReport r, Lang lang) {
    java.util.Map<String, Integer> n = new java.util.LinkedHashMap<>();
    for (CheckReport.Line f : r.findings()) {
      n.merge(f.status(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    n.forEach((s, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(c).append(' ')
        .append(ReportLabels.status(s).in(lang).toLowerCase(java.util.Locale.ROOT)));
    return sb.toString();
  }

  private static void findings(Document doc, CheckReport r, Lang lang) throws DocumentException {
    h2(doc, ReportLabels.t("findings", lang));
    PdfPTable t = new PdfPTable(new float[] {3.1f, 1.5f, 1.3f, 1.3f, 2.2f, 1.4f});
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String h : ReportRows.findingHeader(lang)) {
      t.addCell(headCell(h));
    }
    for (CheckReport.Line f : r.findings()) {
      List<String> cells = ReportRows.finding(f, lang);
      for (int i = 0; i < cells.size(); i++) {
        PdfPCell c = cell(cells.get(i), i == 1 ? new Font(Font.HELVETICA, 8, Font.BOLD,
            Color.decode(ReportLabels.status(f.status()).colour())) : i == 4 ? SMALL_BOLD : BODY);
        c.setBorder(Rectangle.TOP);
        t.addCell(c);
      }
      PdfPCell m = cell(ReportRows.explanation(f, lang), SMALL);
      m.setColspan(6);
      m.setBorder(Rectangle.NO_BORDER);
      m.setPaddingBottom(5);
      t.addCell(m);
    }
    doc.add(t);
  }

  private static void notAssessed(Document doc, CheckReport r, Lang lang) throws DocumentException {
    h2(doc, ReportLabels.t("notAssessed", lang));
    if (r.notAssessed().isEmpty()) {
      doc.add(para(ReportLabels.t("noneNotAssessed", lang), BODY, 2));
      return;
    }
    PdfPTable t = new PdfPTable(new float[] {2f, 4f});
    t.setWidthPercentage(100);
    t.addCell(headCell(ReportLabels.t("rule", lang)));
    t.addCell(headCell(ReportLabels.t("reason", lang)));
    for (CheckReport.NotAssessed n : r.notAssessed()) {
      t.addCell(cell(lang.pick(n.title()) + " (" + n.rule() + ")", BODY));
      t.addCell(cell(lang.pick(n.reason()), BODY));
    }
    doc.add(t);
  }

  private static void dataUsed(Document doc, CheckReport r, Lang lang) throws DocumentException {
    h2(doc, ReportLabels.t("dataUsed", lang));
    PdfPTable t = new PdfPTable(new float[] {2.4f, 3.2f, 1f, 1.1f, 2.2f});
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String h : ReportRows.dataHeader(lang)) {
      t.addCell(headCell(h));
    }
    for (CheckReport.DataUsed d : r.dataUsed()) {
      for (String s : ReportRows.data(d, lang)) {
        t.addCell(cell(s, SMALL));
      }
    }
    doc.add(t);
  }

  private static void table(Document doc, List<String[]> rows) throws DocumentException {
    PdfPTable t = new PdfPTable(new float[] {1.3f, 3f});
    t.setWidthPercentage(100);
    for (String[] row : rows) {
      PdfPCell k = cell(row[0], BOLD);
      k.setBackgroundColor(HEAD);
      t.addCell(k);
      t.addCell(cell(row[1], BODY));
    }
    doc.add(t);
  }

  private static void h2(Document doc, String text) throws DocumentException {
    Paragraph p = para(text, H2, 4);
    p.setSpacingBefore(10);
    doc.add(p);
  }

  private static Paragraph para(String text, Font f, float after) {
    Paragraph p = new Paragraph(pdf(text), f);
    p.setSpacingAfter(after);
    return p;
  }

  private static PdfPCell headCell(String text) {
    PdfPCell c = cell(text, SMALL_BOLD);
    c.setBackgroundColor(HEAD);
    return c;
  }

  /**
   * Lines break at spaces only, never after a hyphen: a citation such as "Permenperin 05/M-IND/PER/2/2014" stays
   * one word (text extractors join a hyphen at a line end to the next line and would spell it "05/MIND").
   */
  private static final com.lowagie.text.SplitCharacter SPACES_ONLY = (start, current, end, cc, ck) ->
      cc[current] == ' ';

  private static PdfPCell cell(String text, Font f) {
    Chunk chunk = new Chunk(pdf(text), f);
    chunk.setSplitCharacter(SPACES_ONLY);
    PdfPCell c = new PdfPCell(new Phrase(chunk));
    c.setBorderColor(RULE);
    c.setBorderWidth(0.5f);
    c.setPadding(4);
    return c;
  }

  /** Text the standard fonts can show (WinAnsi): ≥ ≤ ≈ × are spelled out, anything else unencodable becomes '?'. */
  static String pdf(String s) {
    String t = s.replace("≥", ">=").replace("≤", "<=").replace("≈", "~").replace("−", "-").replace("→", "->");
    CharsetEncoder enc = Charset.forName("windows-1252").newEncoder();
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      sb.append(enc.canEncode(ch) ? ch : '?');
    }
    return sb.toString();
  }
}
