package id.tapak.core.geo;

import id.tapak.core.model.WeighedCache;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Very large polygons cut to a block of grid cells around a site, kept, so that {@code site ∩ polygon} overlays the
 * site with a few hundred vertices instead of the whole polygon. A dissolved kabupaten/kota plan polygon has
 * thousands of vertices (13 609 under the benchmark site), and OverlayNG clips all of them to the site's box again
 * for every overlay: a quarter of a check's overlay time (docs/benchmarks.md, scale (c)).
 *
 * <p>Exact: the block contains the site's envelope with a margin, so {@code site ∩ polygon = site ∩ (polygon ∩
 * block)}; the cut keeps the polygon's own vertices inside the block as they are and adds new ones only on the
 * block's edges, away from the site, so the site is noded against the same segments either way.
 *
 * <p>The block: cells of {@code s} degrees, {@code s} the smallest power of two at least the envelope's larger side,
 * aligned to multiples of {@code s}, so nearby sites of a similar size share a block (a planner revising a site, the
 * cells of a corridor grid), and a first site in a block pays one extra cut per large polygon. Keyed by the
 * geometry object (by identity: features of a loaded layer and the rows {@code source.postgis.DecodedRows} holds
 * never change; an edited row is another object). Bounded by vertices: at most {@link #BUDGET} vertices of cut
 * polygons, least recently used first. Thread-safe.
 */
public final class CellClips {

  /** Polygons with at least this many vertices are cut. */
  static final int LARGE = 2_000;
  /** At most this many vertices of cut polygons are kept. */
  static final long BUDGET = 500_000;

  /** One cut: the polygon (by identity) and its block of cells. */
  private record Key(Geometry g, double cell, long x0, long y0, long x1, long y1) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.g == g && k.cell == cell && k.x0 == x0 && k.y0 == y0 && k.x1 == x1
          && k.y1 == y1;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(g) * 31 + Long.hashCode(x0 * 1_000_003 + y0) * 17 + Double.hashCode(cell);
    }
  }

  /** Weighed by the cut's vertices. */
  private final WeighedCache<Key, Geometry> cuts;

  public CellClips() {
    this(BUDGET);
  }

  /** @param budget at most this many vertices of cut polygons are kept */
  CellClips(long budget) {
    this.cuts = new WeighedCache<>(budget, (k, cut) -> cut.getNumPoints());
  }

  /**
   * {@code target ∩ polygon} (OverlayNG, robust), through the polygon cut to the block of cells around the target
   * when the polygon is large and reaches well beyond that block; otherwise as it is.
   */
  public Geometry intersection(Geometry target, Geometry polygon) {
    return OverlayNGRobust.overlay(target, near(polygon, target.getEnvelopeInternal()), OverlayNG.INTERSECTION);
  }

  /** The polygon, or its cut to the block of cells around {@code env} (same ground inside the block). */
  Geometry near(Geometry polygon, Envelope env) {
    if (polygon.getNumPoints() < LARGE || polygon.getDimension() != 2 || env.isNull()) {
      return polygon;
    }
    double size = Math.max(Math.max(env.getWidth(), env.getHeight()), 1e-6);
    double cell = Math.pow(2, Math.ceil(Math.log(size) / Math.log(2)));
    double margin = cell / 64;
    long x0 = (long) Math.floor((env.getMinX() - margin) / cell);
    long y0 = (long) Math.floor((env.getMinY() - margin) / cell);
    long x1 = (long) Math.ceil((env.getMaxX() + margin) / cell);
    long y1 = (long) Math.ceil((env.getMaxY() + margin) / cell);
    Envelope block = new Envelope(x0 * cell, x1 * cell, y0 * cell, y1 * cell);
    if (block.contains(polygon.getEnvelopeInternal())) {
      return polygon; // the polygon lies in the block: nothing to cut away
    }
    Key key = new Key(polygon, cell, x0, y0, x1, y1);
    Geometry known = cuts.get(key);
    if (known != null) {
      return known;
    }
    // cut outside the lock; a race cuts twice and keeps the first
    Geometry cut = OverlayNGRobust.overlay(polygon, polygon.getFactory().toGeometry(block), OverlayNG.INTERSECTION);
    return cut.getNumPoints() > cuts.budget() ? cut : cuts.putIfAbsent(key, cut);
  }

  /** How many cuts are kept (for tests). */
  int size() {
    return cuts.size();
  }

  /** How many vertices the kept cuts have together (for tests; at most the budget). */
  long vertices() {
    return cuts.weight();
  }
}
