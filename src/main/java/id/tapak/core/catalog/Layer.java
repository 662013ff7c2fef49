package id.tapak.core.catalog;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.model.LayerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One layer of the catalog, wherever its features live: the one interface rules, OGC API, WMS, corridors, EIP and the
 * command line use. Features are always in EPSG:4326 (lon/lat). Queries stream through a {@link FeatureVisitor}, so
 * no caller ever holds a list of a whole large layer; the list-returning queries are for areas bounded by a site.
 * {@link #version()} changes whenever the data may have changed (caches key on it, never on object identity).
 *
 * <p>Implementations: {@link MemoryLayer} (files, and PostGIS with {@code mode: memory}: features and an STRtree in
 * memory, version constant) and {@code core.source.postgis.PostgisLayer} (a live table or view, every query pushed
 * down to SQL). Every method of a live layer may throw {@link LayerUnavailableException}. Thread-safe.
 */
public interface Layer {

  LayerSpec spec();

  default String id() {
    return spec().id();
  }

  default LayerRole role() {
    return spec().role();
  }

  /** Field names, geometry kind, source EPSG, repaired and skipped counts, geometry quality. */
  LayerSchema schema();

  /** A number that changes whenever the features may have changed; cheap (a live layer checks at most every N ms). */
  long version();

  /** True when the layer can be read now; false while its database is down ({@code /api/layers} shows it). */
  default boolean available() {
    return true;
  }

  /** Why the layer cannot be read now (in English, safe to show), or null while it can. */
  default @Nullable String unavailableReason() {
    return null;
  }

  /** True when the features are held in this process (then a caller may cache things derived from them). */
  boolean inMemory();

  /** How many features the layer has. */
  long count();

  /** Bounding box in EPSG:4326 lon/lat; a null envelope when the layer is empty. */
  Envelope bbox();

  /**
   * The bbox, or a null envelope while the layer cannot be read: for listings (capabilities, collections) that keep
   * an unavailable layer listed, without its extent, instead of failing as a whole.
   */
  default Envelope bboxIfAvailable() {
    try {
      return bbox();
    } catch (LayerUnavailableException e) {
      return new Envelope();
    }
  }

  /**
   * Streams the features whose envelope meets {@code env} (a pre-filter, not an exact test), in layer order;
   * every feature when {@code env} is null (a full scan, still streamed).
   */
  void visit(@Nullable Envelope env, FeatureVisitor visitor);

  /**
   * Streams the features to draw on a map, in layer order: those whose envelope meets {@code q.box()}, with their
   * geometry as the implementation finds cheapest to draw at the map's scale (a live layer clips and thins it in SQL,
   * {@link DrawQuery}). For drawing only: the geometries may be clipped, thinned and invalid, and the properties
   * only {@code q.fields()}. By default, the features of {@link #visit} unchanged.
   */
  default void visitForDrawing(DrawQuery q, FeatureVisitor visitor) {
    visit(q.box(), visitor);
  }

  /** The k features nearest to a geometry by planar distance in degrees (a pre-selection for geodesic measures). */
  List<Feature> nearest(Geometry g, int k);

  /** The feature with this id (the mapped {@code fields.id}, else the source's own id). */
  Optional<Feature> feature(String id);

  /**
   * One page of the features that really intersect the query's bbox (all features without one), in layer order.
   *
   * @return the page and the number matched before paging
   */
  FeaturePage query(FeatureQuery q);

  /** Up to {@code limit} distinct non-null values of a field, for queryables and filters. */
  List<Object> distinctValues(String field, int limit);

  /** Streams every feature, in layer order. */
  default void scan(FeatureVisitor visitor) {
    visit(null, visitor);
  }

  /** Features whose envelope meets {@code env}, in layer order: for areas bounded by a site or a map. */
  default List<Feature> candidates(Envelope env) {
    List<Feature> out = new ArrayList<>();
    visit(env, f -> out.add(f));
    return out;
  }

  /**
   * Streams the features whose geometry really intersects {@code g}: envelope pre-filter in the layer, then an exact
   * test against a prepared copy of {@code g} (the same JTS test for every implementation, so a PostGIS layer
   * answers as the GeoPackage it was imported from).
   */
  default void intersecting(Geometry g, FeatureVisitor visitor) {
    PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
    visit(g.getEnvelopeInternal(), f -> !pg.intersects(f.geometry()) || visitor.visit(f));
  }

  /** Features whose geometry really intersects {@code g}, in layer order. */
  default List<Feature> intersecting(Geometry g) {
    List<Feature> out = new ArrayList<>();
    intersecting(g, f -> out.add(f));
    return out;
  }

  /** Features within the envelope's rectangle (exact geometry test), in layer order. */
  default List<Feature> intersecting(Envelope env) {
    return intersecting(GeoJson.FACTORY.toGeometry(env));
  }

  /** True when some feature satisfies the test (stops at the first). */
  default boolean anyMatch(java.util.function.Predicate<Feature> test) {
    boolean[] found = {false};
    scan(f -> !(found[0] = test.test(f)));
    return found[0];
  }

  default GeometryKind geometryKind() {
    return schema().geometryKind();
  }

  /** Attribute names in source order. */
  default List<String> fieldNames() {
    return schema().fieldNames();
  }

  /** The EPSG code the data was stored in before reprojection to EPSG:4326. */
  default int sourceEpsg() {
    return schema().sourceEpsg();
  }

  /** How many invalid geometries were repaired. */
  default int repairedCount() {
    return schema().repairedCount();
  }

  /** How many source records were left out because they had no usable geometry. */
  default int skippedCount() {
    return schema().skippedCount();
  }

  /** How the geometry was made, or null (unknown); see {@link LayerSchema#geometryQuality()}. */
  default @Nullable String geometryQuality() {
    return schema().geometryQuality();
  }

  /** True when any of the layer's geometry is declared schematic. */
  default boolean schematic() {
    String q = geometryQuality();
    return q != null && q.toLowerCase(Locale.ROOT).contains("schemati");
  }
}
