package id.tapak.core.corridor;

import id.tapak.core.catalog.CorridorSpec;
import id.tapak.core.model.LocalizedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of corridor indicators: JSON (the API and {@code tapak corridor --out x.json}) and CSV (one row per
 * region: the corridor, then each kabupaten/kota; RFC 4180, UTF-8, decimal point, hectares to 4 decimals).
 */
public final class CorridorWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CorridorWriter() {}

  /** The corridor list: each with its members and headline figures (from {@code reports} when computed). */
  public static byte[] list(List<Corridor> corridors, Map<String, CorridorReport> reports, String baseHref) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Corridor c : corridors) {
      Map<String, Object> m = head(c.spec());
      List<Map<String, Object>> members = new ArrayList<>();
      for (Corridor.Region r : c.members()) {
        members.add(Map.of("code", r.code(), "name", r.name()));
      }
      m.put("members", members);
      CorridorReport rep = reports.get(c.spec().id());
      if (rep != null) {
        m.put("indicators", indicators(rep.whole()));
      }
      m.put("href", baseHref + "/" + c.spec().id());
      items.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("corridors", items);
    body.put("links", List.of(Map.of("rel", "self", "type", "application/json", "href", baseHref)));
    return JSON.writeValueAsBytes(body);
  }

  private static Map<String, Object> head(CorridorSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("title", text(s.title()));
    m.put("source", s.source());
    m.put("confidence", s.confidence());
    if (s.note() != null) {
      m.put("note", s.note());
    }
    m.put("admin", s.admin());
    return m;
  }

  /** One corridor's report. */
  public static byte[] json(CorridorReport r, String baseHref) {
    Map<String, Object> m = head(r.corridor().spec());
    m.put("computed", r.computed().toString());
    m.put("computeMillis", r.millis());
    // the kabupaten/kota first, then the corridor as a whole (the footer of a table of the members)
    List<Map<String, Object>> members = new ArrayList<>();
    for (Indicators i : r.members()) {
      members.add(indicators(i));
    }
    m.put("members", members);
    m.put("indicators", indicators(r.whole()));
    String self = baseHref + "/" + r.corridor().spec().id();
    m.put("links", List.of(Map.of("rel", "self", "type", "application/json", "href", self),
        Map.of("rel", "alternate", "type", "text/csv", "href", self + "?f=csv")));
    return JSON.writeValueAsBytes(m);
  }

  static Map<String, Object> indicators(Indicators i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", i.code());
    m.put("name", i.name());
    m.put("areaHa", ha(i.areaHa()));
    m.put("planCoveredHa", ha(i.planCoveredHa()));
    m.put("planUncoveredHa", ha(i.planUncoveredHa()));
    m.put("kpiHa", ha(i.kpiHa()));
    m.put("operatingEstateHa", ha(i.operatingEstateHa()));
    m.put("operatingEstateInKpiHa", ha(i.operatingInKpiHa()));
    m.put("plannedEstateHa", ha(i.plannedEstateHa()));
    m.put("plannedEstateInKpiHa", ha(i.plannedInKpiHa()));
    List<Map<String, Object>> cs = new ArrayList<>();
    for (Indicators.Constraint c : i.constraints()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rule", c.rule());
      x.put("title", text(c.title()));
      x.put("citation", c.citation());
      x.put("inKpiHa", ha(c.inKpiHa()));
      x.put("kpiAssessedHa", ha(c.kpiAssessedHa()));
      x.put("kpiUnassessedHa", ha(c.kpiUnassessedHa()));
      cs.add(x);
    }
    m.put("constraints", cs);
    Map<String, Object> free = new LinkedHashMap<>();
    free.put("ha", ha(i.freeKpiHa()));
    free.put("assessedHa", ha(i.freeAssessedHa()));
    free.put("unassessedHa", ha(i.freeUnassessedHa()));
    m.put("freeKpi", free);
    List<Map<String, Object>> as = new ArrayList<>();
    for (Indicators.Access a : i.access()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rule", a.rule());
      x.put("title", text(a.title()));
      x.put("maxM", a.maxM());
      x.put("withinHa", ha(a.withinHa()));
      x.put("sharePct", a.sharePct() == null ? null : Math.round(a.sharePct() * 100) / 100.0);
      x.put("lowerBound", a.lowerBound());
      as.add(x);
    }
    m.put("access", as);
    List<Map<String, Object>> es = new ArrayList<>();
    for (Indicators.EstateStatus e : i.estates()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", e.id());
      x.put("name", e.name());
      x.put("ha", ha(e.ha()));
      x.put("verdict", e.verdict());
      x.put("ikm", e.ikm());
      es.add(x);
    }
    m.put("estates", es);
    List<Map<String, String>> notes = new ArrayList<>();
    for (LocalizedText t : i.notes()) {
      notes.add(text(t));
    }
    m.put("notes", notes);
    List<Map<String, Object>> cov = new ArrayList<>();
    for (Indicators.LayerCoverage c : i.coverage()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("layer", c.layer());
      x.put("role", c.role());
      x.put("coverage", text(c.description()));
      x.put("coveredHa", ha(c.coveredHa()));
      x.put("sharePct", Math.round(c.sharePct() * 100) / 100.0);
      cov.add(x);
    }
    m.put("coverage", cov);
    return m;
  }

  private static Map<String, String> text(LocalizedText t) {
    return Map.of("id", t.id(), "en", t.en());
  }

  private static double ha(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /**
   * CSV: one row per region (the corridor first, then its members). Columns: the fixed figures, then for each
   * constraint {@code <rule>_in_kpi_ha, <rule>_kpi_unassessed_ha} and each access rule {@code <rule>_within_ha,
   * <rule>_share_pct, <rule>_lower_bound}, in rulebook order.
   */
  public static byte[] csv(CorridorReport r) {
    List<String> head = new ArrayList<>(List.of("corridor", "level", "code", "name", "area_ha", "plan_covered_ha",
        "plan_uncovered_ha", "kpi_ha", "operating_estate_ha", "operating_estate_in_kpi_ha", "planned_estate_ha",
        "planned_estate_in_kpi_ha", "free_kpi_ha", "free_kpi_assessed_ha", "free_kpi_unassessed_ha", "estates",
        "estates_not_conform"));
    for (Indicators.Constraint c : r.whole().constraints()) {
      head.add(c.rule() + "_in_kpi_ha");
      head.add(c.rule() + "_kpi_unassessed_ha");
    }
    for (Indicators.Access a : r.whole().access()) {
      head.add(a.rule() + "_within_ha");
      head.add(a.rule() + "_share_pct");
      head.add(a.rule() + "_lower_bound");
    }
    StringBuilder out = new StringBuilder(String.join(",", head)).append("\r\n");
    row(out, r, "corridor", r.whole());
    for (Indicators i : r.members()) {
      row(out, r, "kabupaten_kota", i);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, CorridorReport r, String level, Indicators i) {
    List<String> v = new ArrayList<>(List.of(r.corridor().spec().id(), level, i.code(), i.name(), n(i.areaHa()),
        n(i.planCoveredHa()), n(i.planUncoveredHa()), n(i.kpiHa()), n(i.operatingEstateHa()),
        n(i.operatingInKpiHa()), n(i.plannedEstateHa()), n(i.plannedInKpiHa()), n(i.freeKpiHa()),
        n(i.freeAssessedHa()), n(i.freeUnassessedHa()), String.valueOf(i.estates().size()),
        String.valueOf(i.estates().stream().filter(e -> e.verdict().equals("NOT_CONFORM")).count())));
    for (Indicators.Constraint c : i.constraints()) {
      v.add(n(c.inKpiHa()));
      v.add(n(c.kpiUnassessedHa()));
    }
    for (Indicators.Access a : i.access()) {
      v.add(n(a.withinHa()));
      v.add(a.sharePct() == null ? "" : String.format(Locale.ROOT, "%.2f", a.sharePct()));
      v.add(String.valueOf(a.lowerBound()));
    }
    List<String> cells = new ArrayList<>();
    for (String s : v) {
      cells.add(cell(s));
    }
    out.append(String.join(",", cells)).append("\r\n");
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
  public static String cell(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+") ? "'" + s : s;
    if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
      return "\"" + t.replace("\"", "\"\"") + "\"";
    }
    return t;
  }
}
