package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.model.LayerRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * One loaded layer: its spec, its features in EPSG:4326 (lon/lat), their STRtree and the load statistics. Immutable
 * and thread-safe once built by {@link CatalogLoader}.
 */
public final class Layer {

  private final LayerSpec spec;
  private final List<Feature> features;
  private final Map<String, Feature> byId;
  private final LayerIndex index;
  private final Envelope bbox;
  private final GeometryKind geometryKind;
  private final List<String> fieldNames;
  private final int sourceEpsg;
  private final int repairedCount;
  private final int skippedCount;
  private final @org.jspecify.annotations.Nullable String geometryQuality;

  Layer(LayerSpec spec, List<Feature> features, List<String> fieldNames, int sourceEpsg, int repairedCount,
      int skippedCount) {
    this.spec = spec;
    this.features = Collections.unmodifiableList(new ArrayList<>(features));
    this.fieldNames = List.copyOf(fieldNames);
    this.sourceEpsg = sourceEpsg;
    this.repairedCount = repairedCount;
    this.skippedCount = skippedCount;
    Map<String, Feature> ids = new HashMap<>();
    Envelope env = new Envelope();
    GeometryKind kind = null;
    java.util.Set<String> quality = new java.util.TreeSet<>();
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
    this.geometryKind = kind == null ? GeometryKind.MIXED : kind;
    this.index = new LayerIndex(this.features);
    this.geometryQuality = spec.geometryQuality() != null ? spec.geometryQuality()
        : quality.isEmpty() ? null : String.join(", ", quality);
  }

  /**
   * How the geometry was made: the spec's {@code geometryQuality}, else the distinct values of the features'
   * {@code geometry_quality} attribute (e.g. "schematic"), else null (unknown).
   */
  public @org.jspecify.annotations.Nullable String geometryQuality() {
    return geometryQuality;
  }

  /** True when any of the layer's geometry is declared schematic. */
  public boolean schematic() {
    return geometryQuality != null && geometryQuality.toLowerCase(java.util.Locale.ROOT).contains("schemati");
  }

  /** Builds a layer from features already in EPSG:4326; for tests and derived layers (check results). */
  public static Layer of(LayerSpec spec, List<Feature> features) {
    List<String> fields = new ArrayList<>();
    for (Feature f : features) {
      for (String k : f.properties().keySet()) {
        if (!fields.contains(k)) {
          fields.add(k);
        }
      }
    }
    return new Layer(spec, features, fields, 4326, 0, 0);
  }

  public LayerSpec spec() {
    return spec;
  }

  public String id() {
    return spec.id();
  }

  public LayerRole role() {
    return spec.role();
  }

  /** All features in source order. */
  public List<Feature> features() {
    return features;
  }

  public Optional<Feature> feature(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public LayerIndex index() {
    return index;
  }

  /** Bounding box in EPSG:4326 lon/lat; null envelope when the layer is empty. */
  public Envelope bbox() {
    return bbox;
  }

  public GeometryKind geometryKind() {
    return geometryKind;
  }

  /** Attribute names in source order. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** The EPSG code the data was read in before reprojection to EPSG:4326. */
  public int sourceEpsg() {
    return sourceEpsg;
  }

  /** How many invalid geometries were repaired on load. */
  public int repairedCount() {
    return repairedCount;
  }

  /** How many source records were left out because they had no usable geometry. */
  public int skippedCount() {
    return skippedCount;
  }

  /**
   * One page of features matching a query, in layer order.
   *
   * @return the page and the number matched before paging
   */
  public FeaturePage query(FeatureQuery q) {
    List<Feature> matched = q.bbox() == null ? features : index.intersecting(q.bbox());
    int from = Math.min(q.offset(), matched.size());
    int to = (int) Math.min((long) from + q.limit(), matched.size());
    return new FeaturePage(matched.subList(from, to), matched.size());
  }
}
