package id.tapak.core.catalog;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * What a map needs of a layer, for drawing only ({@link Layer#visitForDrawing}): never for checks, items, feature
 * info or anything that measures, since the geometries it returns may be clipped, thinned and invalid.
 *
 * @param box the features whose envelope meets this EPSG:4326 lon/lat box (the map and its margin)
 * @param clip a lon/lat box around {@code box}, wide enough that every edge a clip to it makes lies outside the
 *     image by more than the widest stroke; null: geometries are not clipped (a style with labels places them by
 *     the whole feature's envelope)
 * @param tolerance degrees: consecutive vertices closer than this may be merged (about half a pixel); 0 keeps all
 * @param fields the attributes the style reads (filters, labels), null for all of them
 */
public record DrawQuery(Envelope box, @Nullable Envelope clip, double tolerance, @Nullable Set<String> fields) {

  public DrawQuery {
    Objects.requireNonNull(box, "box");
    if (box.isNull()) {
      throw new IllegalArgumentException("draw box must not be empty");
    }
    if (clip != null && !clip.contains(box)) {
      throw new IllegalArgumentException("draw clip " + clip + " must contain the box " + box);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("draw tolerance must be finite and >= 0, got " + tolerance);
    }
    box = new Envelope(box);
    clip = clip == null ? null : new Envelope(clip);
    fields = fields == null ? null : Set.copyOf(fields);
  }
}
