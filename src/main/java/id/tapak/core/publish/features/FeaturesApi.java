package id.tapak.core.publish.features;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.FeaturePage;
import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.model.TapakException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features Part 1 over the catalog: builds each document the HTTP adapter serves. Paths are fixed under
 * {@link #ROOT}; every link is absolute, made from the {@link BaseUrl} the caller resolved from the request or the
 * configuration. Immutable and thread-safe, like the catalog it reads.
 */
public final class FeaturesApi {

  /** Where the API lives below the service root. */
  public static final String ROOT = "/ogc";
  /** The OpenAPI document (springdoc). */
  public static final String SERVICE_DESC = "/v3/api-docs";
  /** The browsable API documentation (Swagger UI). */
  public static final String SERVICE_DOC = "/swagger-ui.html";

  private final Catalog catalog;
  private final Clock clock;

  public FeaturesApi(Catalog catalog) {
    this(catalog, Clock.systemUTC());
  }

  /** With a fixed clock, for reproducible {@code timeStamp}s in tests. */
  public FeaturesApi(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public LandingPage landingPage(BaseUrl base) {
    List<Link> links = List.of(
        Link.of(base.resolve(ROOT), "self", MediaTypes.JSON, "This document"),
        Link.of(base.resolve(SERVICE_DESC), "service-desc", MediaTypes.OPENAPI_JSON, "The API definition (OpenAPI 3.0)"),
        Link.of(base.resolve(SERVICE_DOC), "service-doc", MediaTypes.HTML, "The API documentation"),
        Link.of(base.resolve(ROOT + "/conformance"), "conformance", MediaTypes.JSON, "Conformance classes"),
        Link.of(base.resolve(ROOT + "/collections"), "data", MediaTypes.JSON, "The layers as feature collections"));
    return new LandingPage(catalog.project().project().title().both(),
        "Layers for kawasan industri location checks under PP 20/2024, as OGC API – Features with GeoJSON "
            + "items in CRS84 (longitude, latitude).",
        links);
  }

  public ConformanceDeclaration conformance() {
    return ConformanceDeclaration.TAPAK;
  }

  public CollectionList collections(BaseUrl base) {
    List<CollectionInfo> all = new ArrayList<>();
    for (Layer l : catalog.layers()) {
      all.add(info(base, l));
    }
    return new CollectionList(
        List.of(Link.of(base.resolve(ROOT + "/collections"), "self", MediaTypes.JSON, "This document")), all);
  }

  /** @throws TapakException NOT_FOUND naming {@code collectionId} */
  public CollectionInfo collection(BaseUrl base, String collectionId) {
    return info(base, layer(collectionId));
  }

  /**
   * One page of items.
   *
   * @throws TapakException NOT_FOUND naming {@code collectionId}
   */
  public ItemsPage items(BaseUrl base, ItemsRequest request) {
    Layer layer = layer(request.collectionId());
    FeatureQuery q = request.query();
    FeaturePage page = layer.query(q);
    int returned = page.features().size();
    List<Link> links = new ArrayList<>();
    links.add(Link.of(itemsUrl(base, layer, q, q.offset()), "self", MediaTypes.GEOJSON, "This page"));
    if ((long) q.offset() + returned < page.numberMatched()) {
      links.add(Link.of(itemsUrl(base, layer, q, q.offset() + returned), "next", MediaTypes.GEOJSON, "Next page"));
    }
    if (q.offset() > 0) {
      int prev = Math.max(0, Math.min(q.offset(), page.numberMatched()) - q.limit());
      links.add(Link.of(itemsUrl(base, layer, q, prev), "prev", MediaTypes.GEOJSON, "Previous page"));
    }
    links.add(Link.of(collectionUrl(base, layer), "collection", MediaTypes.JSON, "The collection"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new ItemsPage(page.features(), page.numberMatched(), now, links);
  }

  /**
   * One item.
   *
   * @throws TapakException NOT_FOUND naming {@code collectionId} or {@code featureId}
   */
  public FeatureDocument item(BaseUrl base, String collectionId, String featureId) {
    Layer layer = layer(collectionId);
    Feature f = layer.feature(featureId).orElseThrow(() -> TapakException.notFound("featureId",
        "collection '" + layer.id() + "' has no feature '" + featureId + "'"));
    String self = collectionUrl(base, layer) + "/items/" + BaseUrl.segment(f.id());
    return new FeatureDocument(f, List.of(
        Link.of(self, "self", MediaTypes.GEOJSON, "This feature"),
        Link.of(collectionUrl(base, layer), "collection", MediaTypes.JSON, "The collection")));
  }

  private Layer layer(String id) {
    return catalog.layer(id).orElseThrow(() -> TapakException.notFound("collectionId",
        "no collection '" + id + "'; see " + ROOT + "/collections for the list"));
  }

  private static CollectionInfo info(BaseUrl base, Layer l) {
    String self = collectionUrl(base, l);
    List<Link> links = List.of(
        Link.of(self, "self", MediaTypes.JSON, "This collection"),
        Link.of(self + "/items", "items", MediaTypes.GEOJSON, "The features"),
        Link.of(base.resolve(ROOT + "/collections"), "parent", MediaTypes.JSON, "All collections"));
    Envelope b = l.bbox();
    CollectionInfo.Extent extent = b.isNull() ? null : new CollectionInfo.Extent(new CollectionInfo.Spatial(
        List.of(List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY())), MediaTypes.CRS84));
    return new CollectionInfo(l.id(), l.spec().title().both(), description(l), links, extent, "feature",
        List.of(MediaTypes.CRS84), MediaTypes.CRS84);
  }

  private static @Nullable String description(Layer l) {
    String d = l.spec().description();
    String a = l.spec().attribution();
    if (d == null) {
      return a == null ? null : "Source: " + a;
    }
    return a == null ? d : d + " Source: " + a;
  }

  private static String collectionUrl(BaseUrl base, Layer l) {
    return base.resolve(ROOT + "/collections/" + BaseUrl.segment(l.id()));
  }

  /** An items URL repeating the query's bbox and limit, so next/prev pages keep the filter. */
  private static String itemsUrl(BaseUrl base, Layer l, FeatureQuery q, int offset) {
    StringBuilder sb = new StringBuilder(collectionUrl(base, l)).append("/items?limit=").append(q.limit())
        .append("&offset=").append(offset);
    Envelope b = q.bbox();
    if (b != null) {
      sb.append("&bbox=").append(plain(b.getMinX())).append(',').append(plain(b.getMinY())).append(',')
          .append(plain(b.getMaxX())).append(',').append(plain(b.getMaxY()));
    }
    return sb.toString();
  }

  /** A decimal without exponent ("1.0E-5" is a valid double but not every client's number). */
  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
