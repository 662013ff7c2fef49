package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer computed from other layers rather than loaded (a corridor's suitability grid, its candidate sites):
 * computed at the first query and again only when the data it is computed from changed, i.e. once per version of
 * its source ({@link Catalog#version()}: constant for files, moving with the edits of a live PostGIS layer). Each
 * computation is held as a {@link MemoryLayer}, which answers every query, so the layer behaves like one in memory;
 * its {@link #version()} is the source's. Not in the catalog, so no rule reads it. Thread-safe: concurrent first
 * queries compute once.
 */
public final class ComputedLayer implements Layer {

  private final LayerSpec spec;
  private final LongSupplier sourceVersion;
  private final Supplier<List<Feature>> compute;
  private volatile @Nullable Computed current;

  private record Computed(long version, MemoryLayer layer) {}

  /**
   * @param sourceVersion the version of what the features are computed from
   * @param compute computes the features, EPSG:4326 lon/lat (called once per source version)
   */
  public ComputedLayer(LayerSpec spec, LongSupplier sourceVersion, Supplier<List<Feature>> compute) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.sourceVersion = Objects.requireNonNull(sourceVersion, "sourceVersion");
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  /** The features of the source's present version, computed now when they are not yet. */
  private MemoryLayer layer() {
    long v = sourceVersion.getAsLong();
    Computed c = current;
    if (c != null && c.version() == v) {
      return c.layer();
    }
    synchronized (this) {
      c = current;
      if (c == null || c.version() != v) {
        c = new Computed(v, MemoryLayer.of(spec, compute.get()));
        current = c;
      }
      return c.layer();
    }
  }

  @Override
  public LayerSpec spec() {
    return spec;
  }

  @Override
  public LayerSchema schema() {
    return layer().schema();
  }

  @Override
  public long version() {
    return sourceVersion.getAsLong();
  }

  @Override
  public boolean inMemory() {
    return true;
  }

  @Override
  public long count() {
    return layer().count();
  }

  @Override
  public Envelope bbox() {
    return layer().bbox();
  }

  @Override
  public void visit(@Nullable Envelope env, FeatureVisitor visitor) {
    layer().visit(env, visitor);
  }

  @Override
  public List<Feature> candidates(Envelope env) {
    return layer().candidates(env);
  }

  @Override
  public List<Feature> nearest(Geometry g, int k) {
    return layer().nearest(g, k);
  }

  @Override
  public Optional<Feature> feature(String id) {
    return layer().feature(id);
  }

  @Override
  public FeaturePage query(FeatureQuery q) {
    return layer().query(q);
  }

  @Override
  public List<Object> distinctValues(String field, int limit) {
    return layer().distinctValues(field, limit);
  }
}
