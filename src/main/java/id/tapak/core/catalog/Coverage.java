package id.tapak.core.catalog;

import id.tapak.core.model.LocalizedText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A layer's resolved coverage: where the absence of its features is evidence of absence. {@link Kind#FEATURES} is the
 * union of the layer's own polygons (computed per site from the features touching it, never for the whole layer);
 * {@link Kind#AREA} a fixed polygon (admin codes, a file, WKT) in lon/lat; {@link Kind#UNKNOWN} nowhere. Immutable.
 */
public final class Coverage {

  /** What the coverage is. */
  public enum Kind { FEATURES, AREA, UNKNOWN }

  private final Kind kind;
  private final @Nullable Geometry area;
  private final @Nullable PreparedGeometry prepared;
  private final LocalizedText description;

  private Coverage(Kind kind, @Nullable Geometry area, LocalizedText description) {
    this.kind = Objects.requireNonNull(kind);
    this.area = area;
    this.prepared = area == null ? null : PreparedGeometryFactory.prepare(area);
    this.description = Objects.requireNonNull(description);
  }

  public static Coverage features() {
    return new Coverage(Kind.FEATURES, null, LocalizedText.of("gabungan poligon layer ini",
        "the union of the layer's polygons"));
  }

  public static Coverage unknown() {
    return new Coverage(Kind.UNKNOWN, null, LocalizedText.of("tidak diketahui (tidak dinyatakan)",
        "unknown (not declared)"));
  }

  /** A fixed area, EPSG:4326 lon/lat, polygonal. */
  public static Coverage area(Geometry area, LocalizedText description) {
    return new Coverage(Kind.AREA, area, description);
  }

  public Kind kind() {
    return kind;
  }

  /** The fixed area (kind AREA), else null. */
  public @Nullable Geometry area() {
    return area;
  }

  /** True when the fixed area covers {@code g} entirely (kind AREA only). */
  public boolean covers(Geometry g) {
    return prepared != null && prepared.covers(g);
  }

  /** True when the fixed area touches {@code g} (kind AREA only). */
  public boolean intersects(Geometry g) {
    return prepared != null && prepared.intersects(g);
  }

  /** What the coverage is, for /api/layers and reports. */
  public LocalizedText description() {
    return description;
  }
}
