package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Prepared copies (JTS {@link PreparedGeometry}: point locator and segment index built once, on first use) of the
 * very large features of one {@link MemoryLayer}, so exact tests against a site do not index the same thousands of
 * segments again for every query. One instance per layer object: a memory layer's features and its
 * {@link Layer#version()} never change, so an entry can never be stale (a reloaded layer is a new object with a new
 * version and a new, empty cache). Keyed by the feature object itself (ids need not be unique in a file).
 *
 * <p>Bounded by vertices, not entries: at most {@link #BUDGET} vertices (by default) of prepared features (their
 * indexes take roughly 100 bytes a vertex, so about 40 MB a layer at most); the least recently used go first. Only
 * features of at least {@link #LARGE} vertices are prepared; smaller ones are cheap to test as they are.
 * Thread-safe.
 */
final class PreparedFeatures {

  /** Features with at least this many vertices are prepared. */
  static final int LARGE = 2_000;
  /** At most this many vertices of prepared features are kept per layer (the default budget). */
  static final int BUDGET = 400_000;

  private final long budget;

  /** A feature by identity: a record's equals would compare whole geometries. */
  private record Key(Feature f) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.f == f;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(f);
    }
  }

  private final Map<Key, PreparedGeometry> cache = new LinkedHashMap<>(16, 0.75f, true);
  private long vertices;

  PreparedFeatures() {
    this(BUDGET);
  }

  /** @param budget at most this many vertices of prepared features are kept */
  PreparedFeatures(long budget) {
    this.budget = budget;
  }

  /** A prepared copy of the feature's geometry when it is large, else null (test the geometry as it is). */
  @Nullable PreparedGeometry of(Feature f) {
    int n = f.geometry().getNumPoints();
    if (n < LARGE || n > budget) {
      return null;
    }
    Key key = new Key(f);
    synchronized (this) {
      PreparedGeometry known = cache.get(key);
      if (known != null) {
        return known;
      }
    }
    // prepared outside the lock (JTS builds its indexes lazily and safely for concurrent readers); a race builds
    // two equal copies and keeps the first
    PreparedGeometry p = PreparedGeometryFactory.prepare(f.geometry());
    synchronized (this) {
      PreparedGeometry raced = cache.putIfAbsent(key, p);
      if (raced != null) {
        return raced;
      }
      vertices += n;
      Iterator<Map.Entry<Key, PreparedGeometry>> it = cache.entrySet().iterator();
      while (vertices > budget && it.hasNext()) {
        Map.Entry<Key, PreparedGeometry> e = it.next();
        if (e.getKey().f() != f) {
          vertices -= e.getKey().f().geometry().getNumPoints();
          it.remove();
        }
      }
      return p;
    }
  }

  /** How many features are prepared now (for tests). */
  synchronized int size() {
    return cache.size();
  }

  /** How many vertices the prepared features have together (for tests; at most the budget). */
  synchronized long vertices() {
    return vertices;
  }
}
