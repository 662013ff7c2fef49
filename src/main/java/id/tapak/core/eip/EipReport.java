package id.tapak.core.eip;

import id.tapak.core.model.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The EIP view of a project: one {@link Estate} per estate feature of every estate and planned-estate layer.
 *
 * @param bufferM the buffer around each estate for the "within" figures, metres
 * @param estates the estates in layer order
 * @param computed when the figures were computed
 * @param millis how long it took
 */
public record EipReport(double bufferM, List<Estate> estates, Instant computed, long millis) {

  /** The regulation every dimension is cited to. */
  public static final String ARTICLE = "PP 20/2024 Art. 79 dan Penjelasan";

  public EipReport {
    if (!(bufferM > 0)) {
      throw new IllegalArgumentException("bufferM must be > 0 m, got " + bufferM);
    }
    estates = List.copyOf(estates);
    Objects.requireNonNull(computed, "computed");
  }

  /** The four Art. 79 dimensions (PP 20/2024 Art. 79 and its Penjelasan; regulation.md PP20-20). */
  public enum Dimension {
    MANAGEMENT("pengelolaan-kawasan", "Pengelolaan kawasan", "Kawasan management"),
    ENVIRONMENT("lingkungan", "Pengelolaan lingkungan", "Environmental management"),
    SOCIAL("sosial", "Sosial", "Social"),
    ECONOMIC("ekonomi", "Ekonomi", "Economic");

    private final String id;
    private final LocalizedText title;

    Dimension(String id, String titleId, String titleEn) {
      this.id = id;
      this.title = LocalizedText.of(titleId, titleEn);
    }

    public String id() {
      return id;
    }

    public LocalizedText title() {
      return title;
    }
  }

  /**
   * One estate.
   *
   * @param layer the estate layer's id
   * @param role {@code estate} or {@code planned-estate}
   * @param id the feature id
   * @param name the display name
   * @param siteHa geodesic hectares of the polygon
   * @param geometryQuality the feature's {@code geometry_quality} (e.g. schematic), null when absent
   * @param source the feature's {@code sumber} (the source of its figures), null when absent
   * @param verdict the verdict of checking the polygon as an estate, as {@code tapak audit} does
   * @param dimensions the indicators per Art. 79 dimension, in {@link Dimension} order
   */
  public record Estate(String layer, String role, String id, String name, double siteHa,
      @Nullable String geometryQuality, @Nullable String source, String verdict, List<Group> dimensions) {
    public Estate {
      Objects.requireNonNull(layer, "layer");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(verdict, "verdict");
      dimensions = List.copyOf(dimensions);
    }
  }

  /** The indicators of one dimension and what it cannot compute. */
  public record Group(Dimension dimension, List<Indicator> indicators, List<NotComputable> notComputable) {
    public Group {
      Objects.requireNonNull(dimension, "dimension");
      indicators = List.copyOf(indicators);
      notComputable = List.copyOf(notComputable);
    }
  }

  /** What an indicator's value means. */
  public enum Status {
    /** Measured on layers that cover the whole area the figure needs. */
    MEASURED,
    /** Measured, but the layers do not cover the whole area: the true figure may be higher (a lower bound). */
    LOWER_BOUND,
    /** A distance to the nearest feature found, but a nearer one may lie where the layers do not cover. */
    UPPER_BOUND,
    /** Nothing found, but the layers do not cover the area: unknown, never zero. */
    UNKNOWN
  }

  /**
   * One computed indicator.
   *
   * @param id a stable key ({@code settlement-within-buffer}, or the rule id for a rulebook finding)
   * @param title Indonesian and English
   * @param value the figure in {@code unit}; null when {@link Status#UNKNOWN} or when the rule measured nothing
   * @param unit m, ha, km or null
   * @param status how far the value can be trusted
   * @param ruleStatus the rulebook finding's status (PASS, FAIL, WARN, NOT_ASSESSED) when the figure is a rule's
   * @param coverage what the figure was computed on (covered share of the area, the layers), Indonesian and English
   * @param citation the regulation or framework the figure comes from
   * @param message the finding's message or a note, Indonesian and English
   */
  public record Indicator(String id, LocalizedText title, @Nullable Double value, @Nullable String unit,
      Status status, @Nullable String ruleStatus, LocalizedText coverage, String citation, LocalizedText message) {
    public Indicator {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(coverage, "coverage");
      Objects.requireNonNull(citation, "citation");
      Objects.requireNonNull(message, "message");
      if (status == Status.UNKNOWN && value != null) {
        throw new IllegalArgumentException(id + ": an UNKNOWN indicator has no value");
      }
    }
  }

  /** An indicator of the dimension that Tapak cannot compute, and why. */
  public record NotComputable(String id, LocalizedText title, LocalizedText reason, String citation) {
    public NotComputable {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(citation, "citation");
    }
  }
}
