package id.tapak.core.publish.report;

import id.tapak.core.publish.report.ReportLabels.Lang;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cells of a report's tables in one language, shared by the PDF and HTML writers so both print the same thing.
 */
final class ReportRows {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'");
  private static final String[] BULAN = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
      "September", "Oktober", "November", "Desember"};

  private ReportRows() {}

  /** Label, value pairs describing the site and the check. */
  static List<String[]> facts(CheckReport r, Lang lang, Instant printed) {
    List<String[]> rows = new ArrayList<>();
    rows.add(pair("name", r.name() == null ? ReportLabels.t("unnamed", lang) : r.name(), lang));
    rows.add(pair("kind", ReportLabels.kind(r.kind()).in(lang), lang));
    if (r.specialCase() != null) {
      rows.add(pair("specialCase", ReportLabels.specialCase(r.specialCase()).in(lang), lang));
    }
    rows.add(pair("area", ReportLabels.hectares(r.siteHa(), lang), lang));
    rows.add(pair("location", location(r, lang), lang));
    rows.add(pair("rulebook", r.rulebook(), lang));
    rows.add(pair("checked", date(r.created(), lang), lang));
    if (r.createdBy() != null) {
      rows.add(pair("checkedBy", r.createdBy(), lang));
    }
    rows.add(pair("printed", date(printed.toString(), lang), lang));
    rows.add(pair("checkId", r.id(), lang));
    return rows;
  }

  /** "Kabupaten/kota Jawa Timur: Gresik; Kecamatan: Manyar, Bungah", or "—" outside every admin layer. */
  static String location(CheckReport r, Lang lang) {
    if (r.location().isEmpty()) {
      return "—";
    }
    return r.location().stream().map(p -> lang.pick(p.layerTitle()) + ": " + String.join(", ", p.names()))
        .collect(Collectors.joining("; "));
  }

  /** The findings table: rule, status, measured, threshold, citation, confidence. */
  static List<String> findingHeader(Lang lang) {
    return List.of(ReportLabels.t("rule", lang), ReportLabels.t("status", lang), ReportLabels.t("measured", lang),
        ReportLabels.t("threshold", lang), ReportLabels.t("citation", lang), ReportLabels.t("confidence", lang));
  }

  static List<String> finding(CheckReport.Line f, Lang lang) {
    return List.of(lang.pick(f.title()) + " (" + f.rule() + ")", ReportLabels.status(f.status()).in(lang),
        ReportLabels.value(f.measured(), f.unit(), lang), ReportLabels.value(f.threshold(), f.unit(), lang),
        f.citation(), ReportLabels.confidence(f.confidence()).in(lang));
  }

  /** The explanation under a finding: message, conflict area, condition, assessed share. */
  static String explanation(CheckReport.Line f, Lang lang) {
    StringBuilder sb = new StringBuilder(lang.pick(f.message()));
    if (f.subject() != null) {
      sb.append(" [").append(f.subject()).append(']');
    }
    if (f.conflictHa() != null) {
      sb.append(" — ").append(ReportLabels.t("conflict", lang)).append(": ")
          .append(ReportLabels.hectares(f.conflictHa(), lang));
    }
    if (f.assessedHa() != null || f.unassessedHa() != null) {
      sb.append(lang == Lang.EN ? " — assessed " : " — dinilai ")
          .append(f.assessedHa() == null ? "—" : ReportLabels.hectares(f.assessedHa(), lang))
          .append(lang == Lang.EN ? ", not assessed " : ", tidak dinilai ")
          .append(f.unassessedHa() == null ? "—" : ReportLabels.hectares(f.unassessedHa(), lang));
    }
    if (f.condition() != null) {
      sb.append(" — ").append(ReportLabels.t("condition", lang)).append(": ").append(lang.pick(f.condition()));
    }
    return sb.toString();
  }

  static List<String> dataHeader(Lang lang) {
    return List.of(ReportLabels.t("layer", lang), ReportLabels.t("source", lang), ReportLabels.t("date", lang),
        ReportLabels.t("geometry", lang), ReportLabels.t("regulation", lang));
  }

  static List<String> data(CheckReport.DataUsed d, Lang lang) {
    String geometry = d.schematic() ? ReportLabels.t("schematic", lang)
        : d.geometryQuality() != null ? d.geometryQuality() : ReportLabels.t("notSchematic", lang);
    String unknown = ReportLabels.t("unknown", lang);
    return List.of(lang.pick(d.title()) + " (" + d.layer() + ")", d.source() == null ? unknown : d.source(),
        d.date() == null ? unknown : d.date(), geometry, d.regulation() == null ? "—" : d.regulation());
  }

  /** An ISO instant as "23 November 2026, 11:05 UTC" (Indonesian month names in Indonesian). */
  static String date(String iso, Lang lang) {
    try {
      var t = Instant.parse(iso).atOffset(ZoneOffset.UTC);
      if (lang == Lang.EN) {
        return DATE.withLocale(Locale.ENGLISH).format(t);
      }
      return String.format(Locale.ROOT, "%d %s %d, %02d:%02d UTC", t.getDayOfMonth(), BULAN[t.getMonthValue() - 1],
          t.getYear(), t.getHour(), t.getMinute());
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static String[] pair(String key, String value, Lang lang) {
    return new String[] {ReportLabels.t(key, lang), value};
  }
}
