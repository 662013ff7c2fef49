package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An STRtree over the features of a {@link MemoryLayer} (EPSG:4326 envelopes). Built once, eagerly, in the
 * constructor; queries are then thread-safe. Results keep the layer's feature order, so paging over a bbox query is
 * stable.
 */
final class LayerIndex {

  private final List<Feature> features;
  private final STRtree tree;

  LayerIndex(List<Feature> features) {
    this.features = features;
    this.tree = new STRtree(Math.max(2, Math.min(10, features.size())));
    for (int i = 0; i < features.size(); i++) {
      tree.insert(features.get(i).geometry().getEnvelopeInternal(), i);
    }
    tree.build(); // build now: a lazily built STRtree is not safe for concurrent first queries
  }

  /** Features whose envelope intersects the given envelope (a pre-filter, not an exact test), in layer order. */
  public List<Feature> candidates(Envelope env) {
    if (features.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Integer> hits = tree.query(env);
    Collections.sort(hits);
    List<Feature> out = new ArrayList<>(hits.size());
    for (Integer i : hits) {
      out.add(features.get(i));
    }
    return out;
  }

  /** The k features nearest to a geometry by planar distance in degrees (a pre-selection for geodesic measures). */
  public List<Feature> nearest(Geometry g, int k) {
    if (features.isEmpty()) {
      return List.of();
    }
    ItemDistance dist = (a, b) -> geometryOf(a.getItem()).distance(geometryOf(b.getItem()));
    Object[] items = tree.nearestNeighbour(g.getEnvelopeInternal(), g, dist, Math.min(k, features.size()));
    List<Feature> out = new ArrayList<>(items.length);
    for (Object o : items) {
      out.add(features.get((Integer) o));
    }
    return out;
  }

  private Geometry geometryOf(Object item) {
    return item instanceof Integer i ? features.get(i).geometry() : (Geometry) item;
  }
}
