package id.tapak.core.rulebook;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A validated request: a proposed site and what the proposer declares about it. Built by {@link ProposalParser};
 * every geometry is valid, polygonal, EPSG:4326 lon/lat and inside Indonesia.
 *
 * @param name display name (optional)
 * @param kind new estate, expansion of an estate, a Sentra IKM, or one industrial company (Art. 62)
 * @param specialCase the PP 20/2024 Art. 78 special case claimed for a site under 50 ha, or null
 * @param site the site: one or more polygons
 * @param zones land-use zones inside the site (IKM land, plots, green space, roads), possibly none
 * @param industrialPlotHa declared industrial-plot (kaveling industri) area in ha, or null
 * @param ikmHa declared IKM land in ha, or null
 * @param greenSpaceHa declared green open space (RTH) in ha, or null
 * @param roadHa declared roads and channels in ha, or null
 * @param ownEstate "layerId/featureId" of the estate this site is (audits), excluded from the estate-overlap rule
 * @param notes what the parser did: repairs, ignored properties, where each value came from
 * @param kbli the company's KBLI code (industrial-company), or null
 * @param exception the PP 20/2024 Art. 62 exception the company claims (industrial-company), or null
 */
public record Proposal(
    @Nullable String name,
    Kind kind,
    @Nullable SpecialCase specialCase,
    Geometry site,
    List<Zone> zones,
    @Nullable Double industrialPlotHa,
    @Nullable Double ikmHa,
    @Nullable Double greenSpaceHa,
    @Nullable Double roadHa,
    @Nullable String ownEstate,
    List<String> notes,
    @Nullable String kbli,
    @Nullable CompanyException exception) {

  public Proposal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(site, "site");
    if (!(site instanceof Polygonal) || site.isEmpty()) {
      throw new IllegalArgumentException("the site must be a non-empty polygon or multipolygon");
    }
    zones = List.copyOf(zones);
    notes = List.copyOf(notes);
  }

  /** What is proposed. */
  public enum Kind {
    NEW, EXPANSION, SENTRA_IKM,
    /** One industrial company's site (the KKPR of a factory), judged under PP 20/2024 Art. 62 and 63(3). */
    INDUSTRIAL_COMPANY;

    /** True for the kinds that are an estate (new or expanded), to which the estate-only rules apply. */
    public boolean estate() {
      return this == NEW || this == EXPANSION;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses new, expansion, sentra-ikm, industrial-company (case-insensitive, _ or -); null when unknown. */
    public static @Nullable Kind parse(String s) {
      return byWireName(values(), s, Kind::wireName);
    }
  }

  /** The value whose wire name matches (case-insensitive, _ or -), or null. */
  private static <E> @Nullable E byWireName(E[] values, String s, java.util.function.Function<E, String> wire) {
    String n = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E v : values) {
      if (wire.apply(v).equals(n)) {
        return v;
      }
    }
    return null;
  }

  /** A proposal without KBLI code or Art. 62 exception (estates, Sentra IKM). */
  public Proposal(@Nullable String name, Kind kind, @Nullable SpecialCase specialCase, Geometry site, List<Zone> zones,
      @Nullable Double industrialPlotHa, @Nullable Double ikmHa, @Nullable Double greenSpaceHa, @Nullable Double roadHa,
      @Nullable String ownEstate, List<String> notes) {
    this(name, kind, specialCase, site, zones, industrialPlotHa, ikmHa, greenSpaceHa, roadHa, ownEstate, notes, null,
        null);
  }

  /**
   * PP 20/2024 Art. 62: why an industrial company may lie outside an industrial estate. (a)-(c) are about the
   * kabupaten/kota, the others about the company; the ones marked {@code kpi} must still lie in KPI (Art. 62(3)).
   */
  public enum CompanyException {
    /** Art. 62(2)(a): the kabupaten/kota has no industrial estate. */
    NO_ESTATE_IN_REGENCY(true, "Pasal 62 ayat (2) huruf a: kabupaten/kota belum memiliki KI",
        "Art. 62(2)(a): the regency/city has no industrial estate"),
    /** Art. 62(2)(b): the kabupaten/kota has a KEK with an industrial zone. */
    KEK_INDUSTRIAL_ZONE(true, "Pasal 62 ayat (2) huruf b: ada KEK dengan zona industri",
        "Art. 62(2)(b): a special economic zone (KEK) with an industrial zone"),
    /** Art. 62(2)(c): every industrial plot of the estates in the kabupaten/kota is taken. */
    ESTATE_PLOTS_TAKEN(true, "Pasal 62 ayat (2) huruf c: kaveling KI sudah habis",
        "Art. 62(2)(c): the estates' industrial plots are all taken"),
    /** Art. 62(1): small industry. */
    SMALL_INDUSTRY(false, "Pasal 62: industri kecil", "Art. 62: small industry"),
    /** Art. 62(1): medium industry without wide-impact pollution. */
    MEDIUM_INDUSTRY_LOW_IMPACT(true, "Pasal 62: industri menengah tanpa pencemaran berdampak luas",
        "Art. 62: medium industry without wide-impact pollution"),
    /** Art. 62(1): industry that needs a special raw material or location. */
    SPECIAL_RAW_MATERIAL_OR_LOCATION(false, "Pasal 62: industri yang membutuhkan bahan baku atau lokasi khusus",
        "Art. 62: industry needing a special raw material or location");

    private final boolean kpi;
    private final String id;
    private final String en;

    CompanyException(boolean kpi, String id, String en) {
      this.kpi = kpi;
      this.id = id;
      this.en = en;
    }

    /** True when the company must still lie in KPI (Art. 62(3)). */
    public boolean needsKpi() {
      return kpi;
    }

    public String id() {
      return id;
    }

    public String en() {
      return en;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static @Nullable CompanyException parse(String s) {
      return byWireName(values(), s, CompanyException::wireName);
    }
  }

  /** PP 20/2024 Art. 78: the conditions under which an estate may be smaller than 50 ha. */
  public enum SpecialCase {
    /** Art. 78(a): a thematic estate. */
    THEMATIC,
    /** Art. 78(b): the KPI available in one expanse is under 50 ha. */
    SMALL_KPI_PATCH,
    /** Art. 78(c): national industrial policy for faster spread of industry. */
    NATIONAL_POLICY;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static @Nullable SpecialCase parse(String s) {
      return byWireName(values(), s, SpecialCase::wireName);
    }
  }

  /** What a zone polygon is used for. */
  public enum ZoneUse {
    INDUSTRIAL_PLOT, IKM, GREEN_SPACE, ROAD, OTHER;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the {@code use} property; accepts a few Indonesian aliases (kaveling, rth, jalan). */
    public static @Nullable ZoneUse parse(String s) {
      String n = s.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      return switch (n) {
        case "industrial_plot", "plot", "kaveling", "kaveling_industri" -> INDUSTRIAL_PLOT;
        case "ikm" -> IKM;
        case "green_space", "rth", "green" -> GREEN_SPACE;
        case "road", "roads", "jalan", "road_channel", "jalan_saluran" -> ROAD;
        case "other", "lainnya", "facility", "fasilitas" -> OTHER;
        default -> null;
      };
    }
  }

  /**
   * A land-use zone inside the site.
   *
   * @param use what it is used for
   * @param geometry valid polygon(s), EPSG:4326 lon/lat
   */
  public record Zone(ZoneUse use, Geometry geometry) {
    public Zone {
      Objects.requireNonNull(use, "use");
      Objects.requireNonNull(geometry, "geometry");
    }
  }

  /** Zones of one use. */
  public List<Zone> zones(ZoneUse use) {
    return zones.stream().filter(z -> z.use() == use).toList();
  }
}
