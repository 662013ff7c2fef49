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

  /** The attribute mapping, never null. */
  @Override
  public FieldMapping fields() {
    return fields == null ? FieldMapping.NONE : fields;
  }
}
