package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import id.tapak.core.model.WeighedCache;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Prepared copies (JTS {@link PreparedGeometry}: point locator and segment index built once, on first use) of the
 * very large features of one layer, so exact tests against a site do not index the same thousands of segments again
 * for every query. Keyed by the geometry object itself (by identity: ids need not be unique in a file, and a record's
 * equals would compare whole geometries), so an entry can never be stale: a {@link MemoryLayer}'s features and its
 * {@link Layer#version()} never change (a reloaded layer is a new object with a new, empty cache), and a live
 * PostGIS layer hands out the same geometry object again only for the very same stored bytes
 * ({@code source.postgis.DecodedRows}); an edited row decodes to a new object, which no old entry matches.
 *
 * <p>Bounded by vertices, not entries: at most {@link #BUDGET} vertices (by default) of prepared features (their
 * indexes take roughly 100 bytes a vertex, so about 40 MB a layer at most); the least recently used go first. Only
 * features of at least {@link #LARGE} vertices are prepared; smaller ones are cheap to test as they are.
 * Thread-safe.
 */
public final class PreparedFeatures {

  /** Features with at least this many vertices are prepared. */
  static final int LARGE = 2_000;
  /** At most this many vertices of prepared features are kept per layer (the default budget). */
  static final int BUDGET = 400_000;

  /** A geometry by identity: a record's equals would compare whole geometries. */
  private record Key(Geometry g) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.g == g;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(g);
    }
  }

  /** Weighed by the feature's vertices. */
  private final WeighedCache<Key, PreparedGeometry> cache;

  public PreparedFeatures() {
    this(BUDGET);
  }

  /** @param budget at most this many vertices of prepared features are kept */
  PreparedFeatures(long budget) {
    this.cache = new WeighedCache<>(budget, (k, p) -> k.g().getNumPoints());
  }

  /** A prepared copy of the feature's geometry when it is large, else null (test the geometry as it is). */
  public @Nullable PreparedGeometry of(Feature f) {
    int n = f.geometry().getNumPoints();
    if (n < LARGE || n > cache.budget()) {
      return null;
    }
    Key key = new Key(f.geometry());
    PreparedGeometry known = cache.get(key);
    if (known != null) {
      return known;
    }
    // prepared outside the lock (JTS builds its indexes lazily and safely for concurrent readers); a race builds
    // two equal copies and keeps the first
    return cache.putIfAbsent(key, PreparedGeometryFactory.prepare(f.geometry()));
  }

  /**
   * The exact intersects test of one query geometry against this layer's features, the way both layers compute it: a
   * large feature through its prepared copy ({@link #of}), any other through the query geometry, prepared once on
   * first need. Intersection is symmetric and both ways use the same exact JTS predicates, so the answer is that of
   * {@code f.geometry().intersects(g)}. Not thread-safe: one per query.
   */
  public Test test(Geometry g) {
    return new Test(g);
  }

  /** See {@link #test(Geometry)}. */
  public final class Test {
    private final Geometry query;
    private @Nullable PreparedGeometry preparedQuery;

    private Test(Geometry query) {
      this.query = query;
    }

    /** Whether the feature's geometry intersects the query geometry. */
    public boolean intersects(Feature f) {
      PreparedGeometry big = of(f);
      if (big != null) {
        return big.intersects(query);
      }
      if (preparedQuery == null) {
        preparedQuery = PreparedGeometryFactory.prepare(query);
      }
      return preparedQuery.intersects(f.geometry());
    }
  }

  /** How many features are prepared now (for tests). */
  int size() {
    return cache.size();
  }

  /** How many vertices the prepared features have together (for tests; at most the budget). */
  long vertices() {
    return cache.weight();
  }
}
