package id.tapak.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.tapak.core.source.SourceSpec;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code coverage:} key of a layer in {@code tapak.yml}: where the absence of a feature of the layer means
 * "nothing there". One of
 * <ul>
 *   <li>{@code coverage: unknown}: nowhere (the default for overlay layers: LP2B, protected areas, water, roads…);
 *   <li>{@code coverage: features}: the union of the layer's own polygons (the default for complete covers:
 *       spatial-plan and detail-plan);
 *   <li>{@code coverage: {admin: kabupaten_kota, codes: ["35.25", "35.15"]}}: the features of an admin layer with
 *       these ids (its {@code fields.id}), all of them when {@code codes} is left out;
 *   <li>{@code coverage: {source: {type: geojson, path: lp2b_coverage.geojson}}}: the polygons of a file;
 *   <li>{@code coverage: {wkt: "POLYGON((…))"}}: a polygon in lon/lat (spec files and small projects).
 * </ul>
 *
 * @param mode unknown or features when given as a plain word; null for the object forms
 * @param admin id of an admin layer of the project
 * @param codes feature ids of that layer (kabupaten/kota codes), all when null
 * @param source a polygon file
 * @param wkt a polygon or multipolygon in lon/lat
 */
public record CoverageSpec(@Nullable String mode, @Nullable String admin, @Nullable List<String> codes,
    @Nullable SourceSpec source, @Nullable String wkt) {

  public static final CoverageSpec UNKNOWN = new CoverageSpec("unknown", null, null, null, null);
  public static final CoverageSpec FEATURES = new CoverageSpec("features", null, null, null, null);

  public CoverageSpec {
    int forms = (mode != null ? 1 : 0) + (admin != null ? 1 : 0) + (source != null ? 1 : 0) + (wkt != null ? 1 : 0);
    if (forms != 1) {
      throw new IllegalArgumentException("coverage must be one of: unknown, features, {admin: <layer id>, codes: "
          + "[...]}, {source: {...}} or {wkt: ...}");
    }
    if (codes != null && admin == null) {
      throw new IllegalArgumentException("coverage.codes needs coverage.admin (the admin layer the codes belong to)");
    }
    codes = codes == null ? null : List.copyOf(codes);
  }

  /** The object forms. */
  @JsonCreator
  static CoverageSpec bind(@JsonProperty("admin") @Nullable String admin,
      @JsonProperty("codes") @Nullable List<String> codes, @JsonProperty("source") @Nullable SourceSpec source,
      @JsonProperty("wkt") @Nullable String wkt) {
    return new CoverageSpec(null, admin, codes, source, wkt);
  }

  /** The plain-word forms: unknown or features. */
  @JsonCreator
  public static CoverageSpec of(String word) {
    String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
    return switch (w) {
      case "unknown" -> UNKNOWN;
      case "features" -> FEATURES;
      default -> throw new IllegalArgumentException("unknown coverage '" + word + "', expected unknown, features, "
          + "{admin: <layer id>, codes: [...]}, {source: {...}} or {wkt: ...}");
    };
  }
}
