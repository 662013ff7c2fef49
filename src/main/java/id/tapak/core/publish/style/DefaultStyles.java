package id.tapak.core.publish.style;

import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.model.LayerRole;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The built-in style of each layer role. The spatial plan follows the colour convention of ATR/BPN pola-ruang maps
 * (industry purple, settlement yellow-orange, food crops green, protected forest dark green, water blue); classes
 * are matched case-insensitively on the mapped {@code planClass} attribute, so KUGI {@code NAMOBJ} values such as
 * "Kawasan Peruntukan Industri" and "Kawasan Industri" both hit the industry rule. Labels appear only at scales
 * where they fit (below 1:250 000).
 */
public final class DefaultStyles {

  /** Scale denominator below which names are labelled. */
  static final double LABEL_SCALE = 250_000;

  /** Plan-class outline: dark grey, opaque (as the MapServer peer draws it). */
  private static final Color OUTLINE = new Color(60, 60, 60);

  private DefaultStyles() {}

  /** The default style of a layer of this role with these mapped fields. */
  public static Style forRole(LayerRole role, FieldMapping fields) {
    List<StyleRule> rules = switch (role) {
      case ESTATE, PLANNED_ESTATE -> estates(role, fields);
      case SPATIAL_PLAN, DETAIL_PLAN -> planClasses(fields.planClass());
      case PROTECTED -> List.of(poly("Kawasan lindung / Protected area", null, rgba(30, 110, 50, 150), rgb(20, 80, 35)));
      // LP2B sits on the plan's food-crop green: a pale yellow-lime fill (lighter, not greener) with a thick dark
      // green outline and a white dashed inner line, so it reads over every plan class and in greyscale print
      case FARMLAND -> List.of(StyleRule.of("LP2B / Food-crop land", null,
          new Symbolizer.Polygon(rgba(236, 252, 120, 170), rgb(20, 83, 45), 2.5f),
          new Symbolizer.Line(Color.WHITE, 1f, new float[] {5, 4}),
          new Symbolizer.Point("circle", 9, rgba(236, 252, 120, 220), rgb(20, 83, 45), 1.5f)));
      case SETTLEMENT -> List.of(poly("Permukiman / Settlement", null, rgba(250, 200, 60, 150), rgb(200, 140, 20)));
      case ROAD -> roads(fields.roadClass());
      case RAIL -> List.of(StyleRule.of("Jalur kereta / Railway", null,
          new Symbolizer.Line(rgb(40, 40, 40), 3f, null), new Symbolizer.Line(Color.WHITE, 1.5f, new float[] {6, 6}),
          new Symbolizer.Point("square", 7, rgb(40, 40, 40), Color.WHITE, 1)));
      case PORT -> withLabel(fields.name(), List.of(StyleRule.of("Pelabuhan / Port", null,
          new Symbolizer.Polygon(rgba(40, 90, 170, 120), rgb(20, 60, 140), 1),
          new Symbolizer.Point("circle", 10, rgb(20, 60, 160), Color.WHITE, 1.5f))));
      case WATER -> water(fields.waterClass());
      case GAS -> List.of(StyleRule.of("Gas (pipa, fasilitas) / Gas (pipelines, facilities)", null,
          new Symbolizer.Line(rgb(230, 120, 0), 2f, new float[] {8, 3}),
          new Symbolizer.Polygon(rgba(230, 120, 0, 100), rgb(230, 120, 0), 1),
          new Symbolizer.Point("triangle", 9, rgb(230, 120, 0), rgb(120, 60, 0), 1)));
      case ADMIN -> List.of(StyleRule.of("Batas administrasi / Administrative boundary", null,
          new Symbolizer.Polygon(null, rgb(120, 60, 120), 1.2f), new Symbolizer.Line(rgb(120, 60, 120), 1.2f, null)));
    };
    return new Style(Style.DEFAULT, "Gaya bawaan / Default style", rules);
  }

  /** Stored check sites coloured by verdict. */
  public static Style checkSites() {
    return new Style(Style.DEFAULT, "Hasil pemeriksaan / Check verdicts", withLabel("name", List.of(
        poly("Sesuai / Conform", eq("verdict", "CONFORM"), rgba(40, 170, 70, 110), rgb(20, 120, 40), 2f),
        poly("Bersyarat / Conditional", eq("verdict", "CONDITIONAL"), rgba(245, 170, 30, 110), rgb(190, 120, 0), 2f),
        poly("Tidak sesuai / Not conform", eq("verdict", "NOT_CONFORM"), rgba(215, 40, 40, 110), rgb(160, 0, 0), 2f),
        // not a green light: a rule that can fail was not assessed over the whole site
        poly("Belum dapat disimpulkan / Incomplete", eq("verdict", "INCOMPLETE"), rgba(150, 150, 150, 110),
            rgb(90, 90, 90), 2f))));
  }

  /**
   * A corridor's suitability grid, graduated by {@code score_class} (the cell score in quarters, a sequential
   * yellow-green ramp: darker = better served); excluded cells (less than half free KPI) are not drawn, so the map
   * shows only where land is still suitable.
   */
  public static Style suitability() {
    return new Style(Style.DEFAULT, "Kesesuaian lahan / Land suitability", List.of(
        poly("Skor / score 75-100", eq("score_class", "75-100"), rgba(0, 104, 55, 190), rgba(0, 70, 35, 120), 0.5f),
        poly("Skor / score 50-75", eq("score_class", "50-75"), rgba(49, 163, 84, 180), rgba(20, 110, 50, 120), 0.5f),
        poly("Skor / score 25-50", eq("score_class", "25-50"), rgba(173, 221, 142, 170), rgba(90, 150, 70, 120), 0.5f),
        poly("Skor / score 0-25", eq("score_class", "0-25"), rgba(247, 252, 185, 170), rgba(160, 160, 90, 120),
            0.5f)));
  }

  /** A corridor's ranked candidate sites: a bold outline with the rank as label. */
  public static Style candidates() {
    return new Style(Style.DEFAULT, "Kandidat lokasi / Candidate sites", withLabel("rank", List.of(
        poly("Kandidat lokasi / Candidate site", null, rgba(106, 61, 154, 60), rgb(84, 39, 143), 2.5f))));
  }

  /**
   * Conflict geometries (outside KPI, LP2B overlap, setback breach) coloured by status, and the parts of sites a rule
   * could not assess (status NOT_ASSESSED) in grey.
   */
  public static Style checkConflicts() {
    return new Style(Style.DEFAULT, "Konflik / Conflicts", List.of(
        poly("Gagal / Fail", eq("status", "FAIL"), rgba(220, 0, 0, 150), rgb(140, 0, 0), 1.5f),
        poly("Peringatan / Warning", eq("status", "WARN"), rgba(255, 140, 0, 140), rgb(170, 90, 0), 1.5f),
        poly("Tidak dapat dinilai / Not assessed", eq("status", "NOT_ASSESSED"), rgba(150, 150, 150, 90),
            rgb(90, 90, 90), 1f)));
  }

  private static List<StyleRule> estates(LayerRole role, FieldMapping f) {
    List<StyleRule> rules = new ArrayList<>();
    // darker than the plan's industry purple, so an estate stands out on top of its KPI zone
    Color opFill = rgba(110, 10, 80, 190);
    Color plFill = rgba(230, 120, 200, 110);
    if (role == LayerRole.PLANNED_ESTATE) {
      rules.add(StyleRule.of("Kawasan industri rencana / Planned estate", null,
          new Symbolizer.Polygon(plFill, null, 0), new Symbolizer.Line(rgb(110, 10, 80), 1.5f, new float[] {6, 4}),
          new Symbolizer.Point("star", 12, rgb(230, 120, 200), rgb(110, 10, 80), 1)));
    } else if (f.status() != null) {
      rules.add(StyleRule.of("Beroperasi / Operating", new RuleFilter.Not(RuleFilter.Like.ignoreCase(f.status(), "plan*")),
          new Symbolizer.Polygon(opFill, rgb(50, 0, 40), 2f), new Symbolizer.Point("star", 12, opFill, rgb(50, 0, 40), 1)));
      rules.add(StyleRule.of("Rencana / Planned", RuleFilter.Like.ignoreCase(f.status(), "plan*"),
          new Symbolizer.Polygon(plFill, null, 0), new Symbolizer.Line(rgb(110, 10, 80), 1.5f, new float[] {6, 4})));
    } else {
      rules.add(StyleRule.of("Kawasan industri / Industrial estate", null,
          new Symbolizer.Polygon(opFill, rgb(50, 0, 40), 2f), new Symbolizer.Point("star", 12, opFill, rgb(50, 0, 40), 1)));
    }
    return withLabel(f.name(), rules);
  }

  /** ATR/BPN pola-ruang colours, most specific class first; the last rule catches unknown classes. */
  static List<StyleRule> planClasses(@Nullable String field) {
    if (field == null) {
      return List.of(poly("Pola ruang / Land-use plan", null, rgba(200, 200, 200, 140), OUTLINE));
    }
    Object[][] classes = {
        {"Kawasan industri / Industry", "*Industri*", rgb(160, 60, 200)},
        {"Permukiman / Settlement", "*Permukiman*", rgb(250, 190, 60)},
        {"Tanaman pangan / Food crops", "*Tanaman Pangan*", rgb(110, 200, 70)},
        {"Hortikultura / Horticulture", "*Hortikultura*", rgb(180, 230, 90)},
        {"Perkebunan / Plantations", "*Perkebunan*", rgb(150, 170, 40)},
        {"Hutan lindung / Protection forest", "*Hutan Lindung*", rgb(20, 90, 40)},
        {"Konservasi / Conservation", "*Konservasi*", rgb(35, 110, 60)},
        {"Perlindungan setempat / Local protection (sempadan)", "*Perlindungan Setempat*", rgb(60, 150, 110)},
        {"Hutan produksi / Production forest", "*Hutan Produksi*", rgb(100, 150, 60)},
        {"Hutan adat / Customary forest", "*Hutan Adat*", rgb(70, 120, 50)},
        {"Badan air / Water body", "*Badan Air*", rgb(90, 170, 230)},
        {"Perikanan / Fisheries", "*Perikanan*", rgb(130, 200, 230)},
        {"Pergaraman / Salt works", "*Pergaraman*", rgb(200, 230, 240)},
        {"Pariwisata / Tourism", "*Pariwisata*", rgb(240, 130, 190)},
        {"Cagar budaya / Cultural heritage", "*Cagar Budaya*", rgb(190, 120, 90)},
        {"Transportasi / Transport", "*Transportasi*", rgb(150, 150, 150)},
        {"Pertahanan dan keamanan / Defence", "*Pertahanan*", rgb(130, 100, 70)},
        {"Pertambangan / Mining", "*Tambang*", rgb(160, 120, 110)},
    };
    List<StyleRule> rules = new ArrayList<>();
    for (Object[] c : classes) {
      Color base = (Color) c[2];
      // opaque: pola-ruang classes do not overlap, and clients set a layer's opacity themselves
      rules.add(poly((String) c[0], RuleFilter.Like.ignoreCase(field, (String) c[1]), base, OUTLINE));
    }
    rules.add(new StyleRule("lainnya", "Lainnya / Other", null, true, 0, Double.POSITIVE_INFINITY,
        List.of(new Symbolizer.Polygon(rgb(210, 210, 210), OUTLINE, 1f))));
    return rules;
  }

  private static List<StyleRule> roads(@Nullable String field) {
    Object[][] classes = {
        {"Jalan tol / Toll road", "*tol*", rgb(200, 30, 30), 4f},
        {"Jalan arteri / Arterial road", "*arteri*", rgb(240, 120, 30), 3f},
        {"Jalan kolektor / Collector road", "*kolektor*", rgb(240, 200, 50), 2f},
        {"Jalan kolektor / Collector road", "*collector*", rgb(240, 200, 50), 2f},
    };
    List<StyleRule> rules = new ArrayList<>();
    if (field != null) {
      for (Object[] c : classes) {
        float w = (Float) c[3];
        rules.add(StyleRule.of((String) c[0], RuleFilter.Like.ignoreCase(field, (String) c[1]),
            new Symbolizer.Line(rgb(70, 70, 70), w + 1.5f, null), new Symbolizer.Line((Color) c[2], w, null)));
      }
      rules.add(new StyleRule("lokal", "Jalan lokal / Local road", null, true, 0, Double.POSITIVE_INFINITY,
          List.of(new Symbolizer.Line(rgb(130, 130, 130), 1f, null))));
    } else {
      rules.add(StyleRule.of("Jalan / Road", null, new Symbolizer.Line(rgb(120, 120, 120), 1.5f, null)));
    }
    return rules;
  }

  private static List<StyleRule> water(@Nullable String field) {
    Color blue = rgb(40, 120, 200);
    List<StyleRule> rules = new ArrayList<>();
    if (field != null) {
      rules.add(StyleRule.of("Garis pantai / Coastline", RuleFilter.Like.ignoreCase(field, "coast*"),
          new Symbolizer.Line(rgb(20, 70, 150), 2f, null)));
      rules.add(StyleRule.of("Mata air, intake / Spring, intake",
          new RuleFilter.Any(List.of(RuleFilter.Like.ignoreCase(field, "spring"), RuleFilter.Like.ignoreCase(field, "intake"))),
          new Symbolizer.Point("circle", 8, rgb(40, 160, 230), rgb(20, 70, 150), 1)));
    }
    rules.add(new StyleRule("air", "Sungai, danau / River, lake", null, field != null, 0, Double.POSITIVE_INFINITY,
        List.of(new Symbolizer.Polygon(rgba(110, 180, 240, 180), blue, 0.8f), new Symbolizer.Line(blue, 1.5f, null),
            new Symbolizer.Point("circle", 7, rgb(110, 180, 240), blue, 1))));
    return rules;
  }

  private static List<StyleRule> withLabel(@Nullable String nameField, List<StyleRule> rules) {
    if (nameField == null) {
      return rules;
    }
    List<StyleRule> out = new ArrayList<>(rules);
    out.add(new StyleRule("label", "Nama / Name", null, false, 0, LABEL_SCALE,
        List.of(new Symbolizer.Text(nameField, 11, rgb(30, 30, 30), new Color(255, 255, 255, 210)))));
    return out;
  }

  private static StyleRule poly(String title, @Nullable RuleFilter f, Color fill, Color stroke) {
    return poly(title, f, fill, stroke, 1f);
  }

  private static StyleRule poly(String title, @Nullable RuleFilter f, Color fill, Color stroke, float width) {
    return StyleRule.of(title, f, new Symbolizer.Polygon(fill, stroke, width),
        new Symbolizer.Point("circle", 9, fill, stroke, 1));
  }

  private static RuleFilter eq(String property, String value) {
    return new RuleFilter.Equal(property, value);
  }

  static Color rgb(int r, int g, int b) {
    return new Color(r, g, b);
  }

  static Color rgba(int r, int g, int b, int a) {
    return new Color(r, g, b, a);
  }
}
