package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer held in memory: its features in EPSG:4326 (lon/lat) in source order and one STRtree over them
 * ({@link LayerIndex}), built once by {@link CatalogLoader}. Used for every file layer and for PostGIS layers with
 * {@code mode: memory}: a province's RTRW from a GeoPackage (12.6k polygons) answers a check's queries in
 * microseconds from the tree, with no round trip. Immutable, so its {@link #version()} is constant. Thread-safe.
 */
public final class MemoryLayer implements Layer {

  private final LayerSpec spec;
  private final List<Feature> features;
  private final Map<String, Feature> byId;
  private final LayerIndex index;
  private final Envelope bbox;
  private final LayerSchema schema;
  private final long version;
  /** Prepared copies of this layer's very large features, built when first queried; bounded. */
  private final PreparedFeatures prepared = new PreparedFeatures();

  private static final java.util.concurrent.atomic.AtomicLong LOADS = new java.util.concurrent.atomic.AtomicLong();

  MemoryLayer(LayerSpec spec, List<Feature> features, List<String> fieldNames, int sourceEpsg, int repairedCount,
      int skippedCount) {
    this.spec = spec;
    this.features = Collections.unmodifiableList(new ArrayList<>(features));
    Map<String, Feature> ids = new HashMap<>();
    Envelope env = new Envelope();
    GeometryKind kind = null;
    Set<String> quality = new TreeSet<>();
    for (Feature f : this.features) {
      String q = f.text("geometry_quality");
      if (q != null && !q.isBlank() && quality.size() < 8) {
        quality.add(q.trim());
      }
      ids.putIfAbsent(f.id(), f);
      env.expandToInclude(f.geometry().getEnvelopeInternal());
      GeometryKind k = GeometryKind.of(f.geometry());
      kind = kind == null ? k : kind.merge(k);
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.bbox = env;
    this.index = new LayerIndex(this.features);
    String geometryQuality = spec.geometryQuality() != null ? spec.geometryQuality()
        : quality.isEmpty() ? null : String.join(", ", quality);
    this.schema = new LayerSchema(fieldNames, kind == null ? GeometryKind.MIXED : kind, sourceEpsg, repairedCount,
        skippedCount, geometryQuality);
    // constant for the life of the layer, distinct per load (a layer loaded again is a new object, maybe new data)
    this.version = LOADS.incrementAndGet();
  }

  /** Builds a layer from features already in EPSG:4326; for tests and derived layers (check results). */
  public static MemoryLayer of(LayerSpec spec, List<Feature> features) {
    Set<String> fields = new LinkedHashSet<>();
    for (Feature f : features) {
      fields.addAll(f.properties().keySet());
    }
    return new MemoryLayer(spec, features, new ArrayList<>(fields), 4326, 0, 0);
  }

  @Override
  public LayerSpec spec() {
    return spec;
  }

  @Override
  public LayerSchema schema() {
    return schema;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public boolean inMemory() {
    return true;
  }

  @Override
  public long count() {
    return features.size();
  }

  @Override
  public Envelope bbox() {
    return bbox;
  }

  @Override
  public void visit(@Nullable Envelope env, FeatureVisitor visitor) {
    for (Feature f : env == null ? features : index.candidates(env)) {
      if (!visitor.visit(f)) {
        return;
      }
    }
  }

  @Override
  public List<Feature> candidates(Envelope env) {
    return index.candidates(env);
  }

  /**
   * The exact test of {@link Layer#intersecting(Geometry, FeatureVisitor)}, with one difference in how it is computed:
   * a very large feature (a dissolved kabupaten/kota plan polygon of thousands of vertices) is tested through a
   * prepared copy of itself kept by this layer ({@link PreparedFeatures}), instead of building the monotone chains of
   * all its segments again for every query (a third of a check's intersects time, docs/benchmarks.md scale (c)).
   * Intersection is symmetric and both ways use the same exact JTS predicates, so the answer is the same.
   */
  @Override
  public void intersecting(Geometry g, FeatureVisitor visitor) {
    PreparedFeatures.Test test = prepared.test(g);
    for (Feature f : index.candidates(g.getEnvelopeInternal())) {
      if (test.intersects(f) && !visitor.visit(f)) {
        return;
      }
    }
  }

  /** The prepared copies of this layer's large features (for tests). */
  PreparedFeatures preparedFeatures() {
    return prepared;
  }

  @Override
  public List<Feature> nearest(Geometry g, int k) {
    return index.nearest(g, k);
  }

  @Override
  public Optional<Feature> feature(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public FeaturePage query(FeatureQuery q) {
    List<Feature> matched = q.bbox() == null ? features : intersecting(q.bbox());
    int from = Math.min(q.offset(), matched.size());
    int to = (int) Math.min((long) from + q.limit(), matched.size());
    return new FeaturePage(List.copyOf(matched.subList(from, to)), matched.size());
  }

  @Override
  public List<Object> distinctValues(String field, int limit) {
    Set<Object> out = new LinkedHashSet<>();
    for (Feature f : features) {
      Object v = f.properties().get(field);
      if (v != null && out.add(v) && out.size() >= limit) {
        break;
      }
    }
    return List.copyOf(out);
  }
}
