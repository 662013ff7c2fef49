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
 * @param id snake_case identifier, unique in the project; the OGC collection id and WMS layer name
 * @param title title in Indonesian and English
 * @param role what the layer means to a location decision
 * @param source where the data lives
 * @param fields attribute mapping (optional)
 * @param description abstract shown in catalogs (optional)
 * @param attribution source and licence line shown with the layer (optional)
 * @param style path to an SLD 1.0 file with named styles, relative to the project file (optional)
 */
public record LayerSpec(
    String id,
    LocalizedText title,
    LayerRole role,
    SourceSpec source,
    @Nullable FieldMapping fields,
    @Nullable String description,
    @Nullable String attribution,
    @Nullable String style) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public LayerSpec {
    Objects.requireNonNull(id, "layer id is required");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("layer id must be snake_case (a-z, 0-9, _), got '" + id + "'");
    }
    Objects.requireNonNull(title, "title is required");
    Objects.requireNonNull(role, "role is required");
    Objects.requireNonNull(source, "source is required");
    if (fields == null) {
      fields = FieldMapping.NONE;
    }
  }

  /** The attribute mapping, never null. */
  @Override
  public FieldMapping fields() {
    return fields == null ? FieldMapping.NONE : fields;
  }
}
