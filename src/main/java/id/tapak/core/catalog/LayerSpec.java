package id.tapak.core.catalog;

import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry under {@code layers:} in {@code tapak.yml}.
 *
 * @param id identifier, unique in the project; the OGC collection id and WMS layer name: a letter, then letters,
 *     digits, {@code _} or {@code -}, optionally after a namespace prefix {@code ns:} (GeoServer's
 *     {@code workspace:layer}, e.g. {@code cite:Lakes}); case is kept. No character needs escaping in XML, and only
 *     the colon is percent-encoded in a URL path segment
 * @param title title in Indonesian and English
 * @param role what the layer means to a location decision
 * @param source where the data lives
 * @param fields attribute mapping (optional)
 * @param description abstract shown in catalogs (optional)
 * @param attribution source and licence line shown with the layer (optional)
 * @param style path to an SLD 1.0 file with named styles, relative to the project file (optional)
 * @param coverage where the absence of a feature means "nothing there" (optional; default: the union of the
 *     polygons for spatial-plan and detail-plan, unknown for every other role), see {@link CoverageSpec}
 * @param regulation the regulation a plan layer represents, e.g. "Perda Kab. Gresik 8/2011 RTRW 2010-2030"
 *     (optional, shown in every report that used the layer)
 * @param date the date or version of the data, e.g. "2025-11-09" (optional, shown in reports)
 * @param geometryQuality how the geometry was made: survey, official, derived, schematic… (optional; when absent
 *     the features' {@code geometry_quality} attribute is reported)
 */
public record LayerSpec(
    String id,
    LocalizedText title,
    LayerRole role,
    SourceSpec source,
    @Nullable FieldMapping fields,
    @Nullable String description,
    @Nullable String attribution,
    @Nullable String style,
    @Nullable CoverageSpec coverage,
    @Nullable String regulation,
    @Nullable String date,
    @Nullable String geometryQuality) {

  private static final Pattern ID =
      Pattern.compile("(?:[A-Za-z][A-Za-z0-9_-]{0,31}:)?[A-Za-z][A-Za-z0-9_-]{0,62}");

  public LayerSpec {
    Objects.requireNonNull(id, "layer id is required");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("layer id must be a letter then letters, digits, _ or -, with an optional "
          + "namespace prefix 'ns:' (e.g. estates, cite:Lakes), got '" + id + "'");
    }
    Objects.requireNonNull(title, "title is required");
    Objects.requireNonNull(role, "role is required");
    Objects.requireNonNull(source, "source is required");
    if (fields == null) {
      fields = FieldMapping.NONE;
    }
  }

  /** A layer without coverage, regulation, date or quality keys. */
  public LayerSpec(String id, LocalizedText title, LayerRole role, SourceSpec source, @Nullable FieldMapping fields,
      @Nullable String description, @Nullable String attribution, @Nullable String style) {
    this(id, title, role, source, fields, description, attribution, style, null, null, null, null);
  }

  /** The declared coverage, or the role's default: features for complete covers, unknown otherwise. */
  public CoverageSpec coverageOrDefault() {
    if (coverage != null) {
      return coverage;
    }
    return role == LayerRole.SPATIAL_PLAN || role == LayerRole.DETAIL_PLAN ? CoverageSpec.FEATURES
        : CoverageSpec.UNKNOWN;
  }

  /** The attribute mapping, never null. */
  @Override
  public FieldMapping fields() {
    return fields == null ? FieldMapping.NONE : fields;
  }
}
