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
 * @param kind new estate, expansion of an estate, or a Sentra IKM
 * @param specialCase the PP 20/2024 Art. 78 special case claimed for a site under 50 ha, or null
 * @param site the site: one or more polygons
 * @param zones land-use zones inside the site (IKM land, plots, green space, roads), possibly none
 * @param industrialPlotHa declared industrial-plot (kaveling industri) area in ha, or null
 * @param ikmHa declared IKM land in ha, or null
 * @param greenSpaceHa declared green open space (RTH) in ha, or null
 * @param roadHa declared roads and channels in ha, or null
 * @param ownEstate "layerId/featureId" of the estate this site is (audits), excluded from the estate-overlap rule
 * @param notes what the parser did: repairs, ignored properties
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
    List<String> notes) {

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
    NEW, EXPANSION, SENTRA_IKM;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses new, expansion, sentra-ikm (case-insensitive, _ or -); null when unknown. */
    public static @Nullable Kind parse(String s) {
      for (Kind k : values()) {
        if (k.wireName().equals(s.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
          return k;
        }
      }
      return null;
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
      for (SpecialCase k : values()) {
        if (k.wireName().equals(s.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
          return k;
        }
      }
      return null;
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
