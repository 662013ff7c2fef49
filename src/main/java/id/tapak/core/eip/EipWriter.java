package id.tapak.core.eip;

import id.tapak.core.corridor.CorridorWriter;
import id.tapak.core.eip.EipReport.Group;
import id.tapak.core.eip.EipReport.Indicator;
import id.tapak.core.eip.EipReport.NotComputable;
import id.tapak.core.model.LocalizedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of the EIP view: JSON ({@code GET /api/eip}, {@code tapak eip --out x.json}) and CSV (one row per
 * estate and indicator, computed or not; RFC 4180, UTF-8, decimal point).
 */
public final class EipWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EipWriter() {}

  public static byte[] json(EipReport r, String baseHref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", text(LocalizedText.of("Kawasan industri berwawasan lingkungan: indikator spasial",
        "Eco-industrial parks: spatial indicators")));
    m.put("regulation", EipReport.ARTICLE);
    m.put("framework", EipEngine.IEP);
    m.put("note", text(LocalizedText.of("Indikator non-regulatori untuk dimensi Pasal 79; bukan penilaian EIP. "
        + "Nilai UNKNOWN berarti data tidak mencakup area, bukan nol.", "Non-regulatory indicators for the Art. 79 "
        + "dimensions; not an EIP assessment. UNKNOWN means the data do not cover the area, not zero.")));
    m.put("bufferM", r.bufferM());
    m.put("computed", r.computed().toString());
    m.put("computeMillis", r.millis());
    List<Map<String, Object>> estates = new ArrayList<>();
    for (EipReport.Estate e : r.estates()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("layer", e.layer());
      x.put("role", e.role());
      x.put("id", e.id());
      x.put("name", e.name());
      x.put("siteHa", e.siteHa());
      x.put("geometryQuality", e.geometryQuality());
      x.put("sumber", e.source());
      x.put("verdict", e.verdict());
      List<Map<String, Object>> dims = new ArrayList<>();
      for (Group g : e.dimensions()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", g.dimension().id());
        d.put("title", text(g.dimension().title()));
        d.put("citation", EipReport.ARTICLE);
        List<Map<String, Object>> ind = new ArrayList<>();
        for (Indicator i : g.indicators()) {
          Map<String, Object> y = new LinkedHashMap<>();
          y.put("id", i.id());
          y.put("title", text(i.title()));
          y.put("value", i.value());
          y.put("unit", i.unit());
          y.put("status", i.status().name());
          y.put("ruleStatus", i.ruleStatus());
          y.put("coverage", text(i.coverage()));
          y.put("citation", i.citation());
          y.put("message", text(i.message()));
          ind.add(y);
        }
        d.put("indicators", ind);
        List<Map<String, Object>> not = new ArrayList<>();
        for (NotComputable n : g.notComputable()) {
          not.add(new LinkedHashMap<>(Map.of("id", n.id(), "title", text(n.title()), "reason", text(n.reason()),
              "citation", n.citation())));
        }
        d.put("notComputable", not);
        dims.add(d);
      }
      x.put("dimensions", dims);
      estates.add(x);
    }
    m.put("estates", estates);
    m.put("links", List.of(Map.of("rel", "self", "type", "application/json", "href", baseHref),
        Map.of("rel", "alternate", "type", "text/csv", "href", baseHref + "?f=csv")));
    return JSON.writeValueAsBytes(m);
  }

  /** CSV: one row per estate and indicator; the indicators that cannot be computed have status NOT_COMPUTABLE. */
  public static byte[] csv(EipReport r) {
    StringBuilder out = new StringBuilder("layer,estate_id,estate_name,site_ha,geometry_quality,dimension,indicator,"
        + "value,unit,status,rule_status,buffer_m,coverage,citation,note\r\n");
    String buffer = String.format(Locale.ROOT, "%.0f", r.bufferM());
    for (EipReport.Estate e : r.estates()) {
      for (Group g : e.dimensions()) {
        for (Indicator i : g.indicators()) {
          row(out, e, g, i.id(), i.value() == null ? "" : String.format(Locale.ROOT, "%.4f", i.value()), i.unit(),
              i.status().name(), i.ruleStatus(), buffer, i.coverage().en(), i.citation(), i.message().en());
        }
        for (NotComputable n : g.notComputable()) {
          row(out, e, g, n.id(), "", null, "NOT_COMPUTABLE", null, buffer, "", n.citation(), n.reason().en());
        }
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, EipReport.Estate e, Group g, String... rest) {
    List<String> cells = new ArrayList<>();
    List<String> v = new ArrayList<>(List.of(e.layer(), e.id(), e.name(), String.format(Locale.ROOT, "%.4f",
        e.siteHa())));
    v.add(e.geometryQuality());
    v.add(g.dimension().id());
    v.addAll(java.util.Arrays.asList(rest));
    for (String s : v) {
      cells.add(CorridorWriter.cell(s));
    }
    out.append(String.join(",", cells)).append("\r\n");
  }

  private static Map<String, String> text(LocalizedText t) {
    return Map.of("id", t.id(), "en", t.en());
  }
}
