package id.tapak.core.publish.report;

import id.tapak.core.model.LocalizedText;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The words of a report in Bahasa Indonesia (first) and English: verdicts, statuses, kinds, special cases,
 * confidence, and the report's headings; plus number formatting (Indonesian: 1.250,5; English: 1,250.5). Unknown
 * codes (a status or verdict a later rulebook adds) fall back to the code itself, so nothing is ever blank. The web
 * map reads the same maps from {@code /api/report-labels}, so page, PDF and HTML say the same thing.
 */
public final class ReportLabels {

  /** The report's language. */
  public enum Lang {
    ID, EN;

    /** "en" (any case, or en-GB...) is English; anything else, or nothing, is Indonesian. */
    public static Lang of(@Nullable String s) {
      return s != null && s.trim().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ID;
    }

    public String pick(LocalizedText t) {
      return this == EN ? t.en() : t.id();
    }

    public String code() {
      return this == EN ? "en" : "id";
    }
  }

  /** A label and the colour (CSS hex) it is shown in. */
  public record Label(String id, String en, String colour) {
    public String in(Lang lang) {
      return lang == Lang.EN ? en : id;
    }
  }

  private static final String GREY = "#6b7280";
  private static final Map<String, Label> VERDICTS = new LinkedHashMap<>();
  private static final Map<String, Label> STATUSES = new LinkedHashMap<>();
  private static final Map<String, Label> KINDS = new LinkedHashMap<>();
  private static final Map<String, Label> SPECIAL_CASES = new LinkedHashMap<>();
  private static final Map<String, Label> CONFIDENCE = new LinkedHashMap<>();
  private static final Map<String, Label> TEXT = new LinkedHashMap<>();

  static {
    VERDICTS.put("CONFORM", new Label("Sesuai", "Conform", "#1a7f37"));
    VERDICTS.put("CONDITIONAL", new Label("Sesuai bersyarat", "Conditional", "#b45309"));
    VERDICTS.put("NOT_CONFORM", new Label("Tidak sesuai", "Not conform", "#b91c1c"));
    VERDICTS.put("INCOMPLETE", new Label("Belum dapat disimpulkan", "Incomplete", "#4b5563"));
    STATUSES.put("PASS", new Label("Memenuhi", "Pass", "#1a7f37"));
    STATUSES.put("WARN", new Label("Peringatan", "Warning", "#b45309"));
    STATUSES.put("FAIL", new Label("Tidak memenuhi", "Fail", "#b91c1c"));
    STATUSES.put("NOT_APPLICABLE", new Label("Tidak berlaku", "Not applicable", "#6b7280"));
    STATUSES.put(CheckReport.NOT_ASSESSED, new Label("Tidak dapat dinilai", "Not assessed", "#4b5563"));
    KINDS.put("new", new Label("Kawasan industri baru", "New industrial estate", GREY));
    KINDS.put("expansion", new Label("Perluasan kawasan industri", "Estate expansion", GREY));
    KINDS.put("sentra-ikm", new Label("Sentra IKM", "Sentra IKM (small-industry centre)", GREY));
    KINDS.put("industrial-company", new Label("Perusahaan industri", "Industrial company", GREY));
    SPECIAL_CASES.put("thematic", new Label("Kawasan industri tematik (Pasal 78 huruf a)",
        "Thematic estate (Art. 78(a))", GREY));
    SPECIAL_CASES.put("small-kpi-patch", new Label("KPI dalam satu hamparan kurang dari 50 ha (Pasal 78 huruf b)",
        "KPI in one expanse under 50 ha (Art. 78(b))", GREY));
    SPECIAL_CASES.put("national-policy", new Label("Kebijakan industri nasional (Pasal 78 huruf c)",
        "National industrial policy (Art. 78(c))", GREY));
    CONFIDENCE.put("confirmed", new Label("Terkonfirmasi", "Confirmed", GREY));
    CONFIDENCE.put("guideline", new Label("Pedoman (hanya peringatan)", "Guideline (warns only)", GREY));
    text("title", "Laporan Pemeriksaan Kesesuaian Lokasi Kawasan Industri", "Industrial-Estate Site Conformity Report");
    text("subtitle", "Berdasarkan PP 20/2024 tentang Perwilayahan Industri", "Under PP 20/2024 on industrial zoning");
    text("verdict", "Kesimpulan", "Verdict");
    text("site", "Tapak yang diusulkan", "Proposed site");
    text("name", "Nama", "Name");
    text("unnamed", "(tanpa nama)", "(unnamed)");
    text("kind", "Jenis usulan", "Kind of proposal");
    text("specialCase", "Kasus khusus", "Special case");
    text("area", "Luas tapak (geodesik, WGS84)", "Site area (geodesic, WGS84)");
    text("location", "Lokasi", "Location");
    text("rulebook", "Versi buku aturan", "Rulebook version");
    text("checked", "Tanggal pemeriksaan", "Date checked");
    text("checkedBy", "Diperiksa oleh (nama token akses)", "Checked by (access token name)");
    text("printed", "Tanggal cetak", "Date printed");
    text("checkId", "ID pemeriksaan", "Check id");
    text("map", "Peta tapak", "Site map");
    text("mapCaption", "Digambar oleh layanan WMS Tapak. Garis tebal: tapak; arsiran merah: konflik yang gagal; "
        + "jingga: peringatan. Skala grafis dan arah utara pada peta.", "Drawn by Tapak's WMS. Thick outline: the site; "
        + "red: failing conflict areas; orange: warnings. Scale bar and north arrow on the map.");
    text("findings", "Temuan per aturan", "Findings by rule");
    text("rule", "Aturan", "Rule");
    text("status", "Status", "Status");
    text("measured", "Terukur", "Measured");
    text("threshold", "Ambang", "Threshold");
    text("citation", "Dasar hukum", "Citation");
    text("confidence", "Keyakinan", "Confidence");
    text("message", "Keterangan", "Explanation");
    text("conflict", "Luas konflik", "Conflict area");
    text("condition", "Syarat", "Condition");
    text("notAssessed", "Aturan yang tidak dapat dinilai", "Rules not assessed");
    text("reason", "Alasan", "Reason");
    text("noneNotAssessed", "Semua aturan dapat dinilai dengan data yang tersedia.",
        "Every rule could be assessed with the data available.");
    text("dataUsed", "Data yang digunakan", "Data used");
    text("layer", "Lapisan", "Layer");
    text("source", "Sumber", "Source");
    text("date", "Tanggal data", "Data date");
    text("geometry", "Geometri", "Geometry");
    text("schematic", "skematik", "schematic");
    text("notSchematic", "tidak dinyatakan skematik", "not declared schematic");
    text("regulation", "Peraturan yang diwakili", "Regulation represented");
    text("unknown", "tidak dicatat", "not recorded");
    text("notes", "Catatan atas masukan", "Notes on the input");
    text("disclaimer", "Laporan ini adalah alat bantu analisis dan tidak menggantikan penilaian resmi Kesesuaian "
        + "Kegiatan Pemanfaatan Ruang (KKPR) oleh instansi yang berwenang. Banyak lapisan demo bersifat skematik; "
        + "ketiadaan data bukan bukti kesesuaian.", "This report supports, and does not replace, the official "
        + "assessment of conformity of spatial use (KKPR) by the competent authority. Many demo layers are "
        + "schematic; absence of data is not evidence of conformity.");
    text("disclaimerTitle", "Penafian", "Disclaimer");
    text("page", "Halaman", "Page");
    text("summary", "Ringkasan", "Summary");
  }

  private ReportLabels() {}

  private static void text(String key, String id, String en) {
    TEXT.put(key, new Label(id, en, GREY));
  }

  public static Label verdict(String code) {
    return VERDICTS.getOrDefault(code, new Label(code, code, GREY));
  }

  public static Label status(String code) {
    return STATUSES.getOrDefault(code, new Label(code, code, GREY));
  }

  public static Label kind(@Nullable String code) {
    return code == null ? new Label("—", "—", GREY) : KINDS.getOrDefault(code, new Label(code, code, GREY));
  }

  public static Label specialCase(@Nullable String code) {
    return code == null ? new Label("—", "—", GREY) : SPECIAL_CASES.getOrDefault(code, new Label(code, code, GREY));
  }

  public static Label confidence(String code) {
    return CONFIDENCE.getOrDefault(code, new Label(code, code, GREY));
  }

  /** A heading or sentence of the report. */
  public static String t(String key, Lang lang) {
    Label l = TEXT.get(key);
    if (l == null) {
      throw new IllegalArgumentException("no report text '" + key + "'");
    }
    return l.in(lang);
  }

  /** Every map, for the web page: {verdict|status|kind|specialCase|confidence|text: {code: {id, en, colour}}}. */
  public static Map<String, Map<String, Label>> all() {
    Map<String, Map<String, Label>> m = new LinkedHashMap<>();
    m.put("verdict", VERDICTS);
    m.put("status", STATUSES);
    m.put("kind", KINDS);
    m.put("specialCase", SPECIAL_CASES);
    m.put("confidence", CONFIDENCE);
    m.put("text", TEXT);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** {@code v} with {@code decimals} fraction digits, grouped: Indonesian 1.250,50; English 1,250.50. */
  public static String number(double v, int decimals, Lang lang) {
    DecimalFormatSymbols sy = DecimalFormatSymbols.getInstance(Locale.ROOT);
    sy.setDecimalSeparator(lang == Lang.EN ? '.' : ',');
    sy.setGroupingSeparator(lang == Lang.EN ? ',' : '.');
    sy.setMinusSign('-');
    DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", sy);
    return f.format(v);
  }

  /** Hectares with two decimals: "18,59 ha". */
  public static String hectares(double ha, Lang lang) {
    return Double.isFinite(ha) ? number(ha, 2, lang) + " ha" : "—";
  }

  /**
   * A measured value or threshold with its unit: shares and hectares with two decimals, metres and square metres
   * whole; "—" when there is none.
   */
  public static String value(@Nullable Double v, @Nullable String unit, Lang lang) {
    if (v == null) {
      return "—";
    }
    String u = unit == null ? "" : unit;
    int decimals = switch (u) {
      case "m", "m2" -> Math.abs(v) >= 100 ? 0 : 1;
      case "ha" -> v != 0 && Math.abs(v) < 0.01 ? 4 : 2;
      default -> 2;
    };
    String shown = switch (u) {
      case "m2" -> " m²";
      case "%" -> " %";
      case "" -> "";
      default -> " " + u;
    };
    return number(v, decimals, lang) + shown;
  }
}
