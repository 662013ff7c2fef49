package id.tapak.core.catalog;

import id.tapak.core.model.LocalizedText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry under {@code corridors:} in {@code tapak.yml}: a priority corridor (wilayah prioritas) as a set of
 * kabupaten/kota of an admin layer, e.g. Gerbang Kertosusila. Its geometry is the union of those features; its
 * indicators are computed per corridor and per member ({@code id.tapak.core.corridor}).
 *
 * @param id kebab- or snake-case identifier, unique in the project; the URL segment of {@code /api/corridors/{id}}
 * @param title title in Indonesian and English
 * @param admin id of the admin layer whose feature ids ({@code fields.id}) the members are
 * @param members kabupaten/kota codes (e.g. {@code "35.25"} for Kabupaten Gresik), at least one, no duplicates
 * @param source where the membership comes from (regulation, article or secondary source), shown with every figure
 * @param confidence how sure that membership is: {@code confirmed} (read in the regulation's text),
 *     {@code secondary} (quoted by a secondary source) or {@code unverified}; default {@code secondary}
 * @param note free text, e.g. which members are disputed (optional)
 * @param cellM suitability grid cell size in metres, 250 to 5,000 (default 500); key {@code cellM}
 * @param weights weight of each access rule in a cell's score (rule id → weight ≥ 0); rules left out weigh 1, so
 *     the default ranks every kind of infrastructure alike (the rulebook gives no ranking)
 * @param minScore score (0-100) a cell needs to join a candidate site (default 50)
 */
public record CorridorSpec(
    String id,
    LocalizedText title,
    String admin,
    List<String> members,
    String source,
    @Nullable String confidence,
    @Nullable String note,
    @Nullable Double cellM,
    @Nullable Map<String, Double> weights,
    @Nullable Double minScore) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Set<String> CONFIDENCE = Set.of("confirmed", "secondary", "unverified");

  public CorridorSpec {
    Objects.requireNonNull(id, "corridor id is required");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("corridor id must be lower case (a-z, 0-9, - or _), got '" + id + "'");
    }
    Objects.requireNonNull(title, "title is required");
    Objects.requireNonNull(admin, "admin (the admin layer of the members) is required");
    Objects.requireNonNull(members, "members (kabupaten/kota codes) is required");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("members must name at least one kabupaten/kota code");
    }
    if (Set.copyOf(members).size() != members.size()) {
      throw new IllegalArgumentException("members lists a code twice: " + members);
    }
    members = List.copyOf(members);
    Objects.requireNonNull(source, "source (where the membership comes from) is required");
    confidence = confidence == null ? "secondary" : confidence.trim().toLowerCase(Locale.ROOT);
    if (!CONFIDENCE.contains(confidence)) {
      throw new IllegalArgumentException("confidence must be confirmed, secondary or unverified, got '" + confidence
          + "'");
    }
    weights = weights == null ? Map.of() : Map.copyOf(weights);
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (w.getValue() == null || !(w.getValue() >= 0) || w.getValue() > 1000) {
        throw new IllegalArgumentException("weights." + w.getKey() + " must be a number from 0 to 1000");
      }
    }
    if (minScore != null && !(minScore >= 0 && minScore <= 100)) {
      throw new IllegalArgumentException("minScore must be from 0 to 100, got " + minScore);
    }
    if (cellM != null && (cellM < 250 || cellM > 5000)) {
      throw new IllegalArgumentException("cellM must be from 250 to 5000 m, got " + cellM);
    }
  }

  /** The weight of an access rule in the score (default 1). */
  public double weight(String ruleId) {
    return weights.getOrDefault(ruleId, 1.0);
  }

  /** The score a cell needs to join a candidate site (default 50). */
  public double candidateScore() {
    return minScore == null ? 50 : minScore;
  }

  /** The grid cell size in metres (default 500). */
  public double cellMetres() {
    return cellM == null ? 500 : cellM;
  }
}
