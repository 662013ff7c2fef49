package id.tapak.core.catalog;

import id.tapak.core.model.LocalizedText;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * The {@code project:} block of {@code tapak.yml}.
 *
 * @param id short identifier, used in titles and file names
 * @param title service title in Indonesian and English (WMS and OGC API landing pages)
 * @param extent where the project's layers must lie, {@code [minLon, minLat, maxLon, maxLat]} in EPSG:4326 degrees
 *     (optional; default Indonesia with a margin, 90..146 E, 15 S..10 N): a layer outside it was read with the wrong
 *     CRS and stops start-up. A test project elsewhere (the OGC CITE data) names its own.
 */
public record ProjectInfo(String id, LocalizedText title, @Nullable List<Double> extent) {

  /** Indonesia with a margin, lon/lat: Tapak's rules and proposals are Indonesian. */
  public static final Envelope INDONESIA = new Envelope(90, 146, -15, 10);

  public ProjectInfo {
    Objects.requireNonNull(id, "project.id is required");
    Objects.requireNonNull(title, "project.title is required");
    if (extent != null) {
      if (extent.size() != 4 || extent.stream().anyMatch(v -> v == null || !Double.isFinite(v))
          || extent.get(0) >= extent.get(2) || extent.get(1) >= extent.get(3)
          || extent.get(0) < -180 || extent.get(2) > 180 || extent.get(1) < -90 || extent.get(3) > 90) {
        throw new IllegalArgumentException("project.extent must be [minLon, minLat, maxLon, maxLat] in degrees, "
            + "min below max, got " + extent);
      }
      extent = List.copyOf(extent);
    }
  }

  public ProjectInfo(String id, LocalizedText title) {
    this(id, title, null);
  }

  /** The area the layers must lie in (lon/lat). */
  public Envelope region() {
    return extent == null ? INDONESIA : new Envelope(extent.get(0), extent.get(2), extent.get(1), extent.get(3));
  }
}
