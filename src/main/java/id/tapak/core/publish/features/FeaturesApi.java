package id.tapak.core.publish.features;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.FeaturePage;
import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.catalog.FeatureVisitor;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.model.TapakException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import id.tapak.core.publish.features.filter.Cql2;
import id.tapak.core.publish.features.filter.Cql2Filter;
import id.tapak.core.publish.features.filter.Cql2Json;
import id.tapak.core.publish.features.filter.Cql2Text;
import id.tapak.core.publish.features.filter.FilterException;
import id.tapak.core.publish.features.filter.Queryables;
import id.tapak.core.publish.features.filter.SortBy;
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

  /** Appended to a link without query to ask for the HTML page. */
  private static final String HTML_QUERY = "?f=html";

  private final Catalog catalog;
  private final Clock clock;
  /** Queryables per loaded layer (identity: a reloaded layer is a new key). */
  private final Map<String, VersionedQueryables> queryables = new ConcurrentHashMap<>();

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
        Link.of(base.resolve(ROOT) + HTML_QUERY, "alternate", MediaTypes.HTML, "This document as HTML"),
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
        List.of(Link.of(base.resolve(ROOT + "/collections"), "self", MediaTypes.JSON, "This document"),
            Link.of(base.resolve(ROOT + "/collections") + HTML_QUERY, "alternate", MediaTypes.HTML,
                "This document as HTML")), all);
  }

  /** @throws TapakException NOT_FOUND naming {@code collectionId} */
  public CollectionInfo collection(BaseUrl base, String collectionId) {
    Layer l = layer(collectionId);
    l.bbox(); // a live layer whose database is down answers 503 (LayerUnavailableException), not a page without extent
    return info(base, l);
  }

  /**
   * One page of items: the bbox (one or two boxes), then the filter, then the sort order, then the page, in the
   * requested CRS. The filter is evaluated in memory on every layer, PostGIS ones included: today a PostGIS layer is
   * read once at start-up into the same in-memory features as a file layer (docs/ogcapi.md, "Filtering").
   *
   * @throws TapakException NOT_FOUND naming {@code collectionId}; BAD_REQUEST naming {@code filter} or {@code sortby}
   */
  public ItemsPage items(BaseUrl base, ItemsRequest request) {
    Layer layer = layer(request.collectionId());
    requireOffered(layer, request.crs(), "crs");
    requireOffered(layer, request.bboxCrs(), "bbox-crs");
    FeatureQuery q = request.query();
    Queryables names = queryablesOf(layer);
    Predicate<Feature> filter = compileFilter(request, names);
    Comparator<Feature> order = SortBy.parse(request.sortby(), names);
    FeaturePage result = select(layer, q, request.eastPart(), filter, order);
    List<Feature> page = result.features();
    int matchedCount = result.numberMatched();
    int returned = page.size();
    List<Link> links = new ArrayList<>();
    links.add(Link.of(itemsUrl(base, layer, request, q.offset()), "self", MediaTypes.GEOJSON, "This page"));
    links.add(Link.of(itemsUrl(base, layer, request, q.offset()) + "&f=html", "alternate", MediaTypes.HTML,
        "This page as HTML"));
    if ((long) q.offset() + returned < matchedCount) {
      links.add(Link.of(itemsUrl(base, layer, request, q.offset() + returned), "next", MediaTypes.GEOJSON,
          "Next page"));
    }
    if (q.offset() > 0) {
      int prev = Math.max(0, Math.min(q.offset(), matchedCount) - q.limit());
      links.add(Link.of(itemsUrl(base, layer, request, prev), "prev", MediaTypes.GEOJSON, "Previous page"));
    }
    links.add(Link.of(collectionUrl(base, layer), "collection", MediaTypes.JSON, "The collection"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new ItemsPage(inCrs(page, request.crs()), matchedCount, now, links, request.crs());
  }

  /** Part 2 /req/crs/fc-crs-valid-value: a CRS the collection does not list is a 400 naming the parameter. */
  private static void requireOffered(Layer layer, CrsRef crs, String parameter) {
    if (!CrsRef.forExtent(layer.bbox()).contains(crs)) {
      throw TapakException.badRequest(parameter, parameter + " " + crs.uri() + " is not offered for collection '"
          + layer.id() + "'; see its crs list (UTM and TM-3 zones near the layer's extent)");
    }
  }

  /**
   * One page of the features in the bbox (both parts of a box across the antimeridian) that pass the filter, in layer
   * order or sorted. A plain page is the layer's own paged query (LIMIT/OFFSET in SQL for a live layer); with a filter
   * or a sort the layer is streamed and only the page is kept (a sort keeps the best {@code offset + limit}), so a
   * large live layer is never held in memory.
   */
  private static FeaturePage select(Layer layer, FeatureQuery q, @Nullable Envelope east,
      @Nullable Predicate<Feature> filter, @Nullable Comparator<Feature> order) {
    if (filter == null && order == null && east == null) {
      return layer.query(q);
    }
    int keep = (int) Math.min(Integer.MAX_VALUE, (long) q.offset() + q.limit());
    List<Feature> inOrder = new ArrayList<>();
    java.util.PriorityQueue<Ranked> best = order == null ? null
        : new java.util.PriorityQueue<>(Comparator.comparing(Ranked::feature, order)
            .thenComparingLong(Ranked::seq).reversed());
    int[] matched = {0};
    Predicate<Feature> pass = filter == null ? f -> true : filter;
    org.locationtech.jts.geom.Geometry west =
        q.bbox() == null ? null : id.tapak.core.geo.GeoJson.FACTORY.toGeometry(q.bbox());
    FeatureVisitor sink = f -> {
      if (!pass.test(f)) {
        return true;
      }
      int n = matched[0]++;
      if (best != null) {
        best.add(new Ranked(f, n));
        if (best.size() > keep) {
          best.poll();
        }
      } else if (n >= q.offset() && n < keep) {
        inOrder.add(f);
      }
      return true;
    };
    if (west == null) {
      layer.scan(sink);
    } else {
      layer.intersecting(west, sink);
    }
    if (east != null) {
      // the east part of a box across the antimeridian, without the features already counted in the west part
      org.locationtech.jts.geom.prep.PreparedGeometry w =
          org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(west);
      layer.intersecting(id.tapak.core.geo.GeoJson.FACTORY.toGeometry(east),
          f -> w.intersects(f.geometry()) || sink.visit(f));
    }
    if (best == null) {
      return new FeaturePage(inOrder, matched[0]);
    }
    List<Ranked> ranked = new ArrayList<>(best);
    ranked.sort(Comparator.comparing(Ranked::feature, order).thenComparingLong(Ranked::seq));
    List<Feature> page = ranked.stream().skip(q.offset()).map(Ranked::feature).toList();
    return new FeaturePage(page, matched[0]);
  }

  /** A matched feature and its position in layer order (ties of a sort keep layer order). */
  private record Ranked(Feature feature, long seq) {}

  private static @Nullable Predicate<Feature> compileFilter(ItemsRequest r, Queryables names) {
    if (r.filter() == null) {
      return null;
    }
    try {
      Cql2.Expr e = r.filterLang().equals(ItemsRequest.CQL2_JSON)
          ? Cql2Json.parse(r.filter(), names, r.filterCrs())
          : Cql2Text.parse(r.filter(), names, r.filterCrs());
      return new Cql2Filter(e);
    } catch (FilterException e) {
      throw TapakException.badRequest("filter", e.getMessage());
    }
  }

  private static List<Feature> inCrs(List<Feature> features, CrsRef crs) {
    if (crs.equals(CrsRef.CRS84)) {
      return features;
    }
    List<Feature> out = new ArrayList<>(features.size());
    for (Feature f : features) {
      out.add(new Feature(f.id(), crs.fromLonLat(f.geometry()), f.properties()));
    }
    return out;
  }

  /**
   * The queryables of a collection (Part 3): its attributes, typed, and the geometry.
   *
   * @throws TapakException NOT_FOUND naming {@code collectionId}
   */
  public Queryables queryables(String collectionId) {
    return queryablesOf(layer(collectionId));
  }

  private Queryables queryablesOf(Layer layer) {
    long version = layer.version();
    VersionedQueryables v = queryables.get(layer.id());
    if (v == null || v.version() != version) {
      v = new VersionedQueryables(version, Queryables.of(layer));
      queryables.put(layer.id(), v);
    }
    return v.queryables();
  }

  /**
   * One item, in the requested CRS.
   *
   * @throws TapakException NOT_FOUND naming {@code collectionId} or {@code featureId}
   */
  public FeatureDocument item(BaseUrl base, String collectionId, String featureId, CrsRef crs) {
    Layer layer = layer(collectionId);
    requireOffered(layer, crs, "crs");
    Feature f = layer.feature(featureId).orElseThrow(() -> TapakException.notFound("featureId",
        "collection '" + layer.id() + "' has no feature '" + featureId + "'"));
    String self = collectionUrl(base, layer) + "/items/" + BaseUrl.segment(f.id());
    return new FeatureDocument(inCrs(List.of(f), crs).get(0), List.of(
        Link.of(self, "self", MediaTypes.GEOJSON, "This feature"),
        Link.of(self + HTML_QUERY, "alternate", MediaTypes.HTML, "This feature as HTML"),
        Link.of(collectionUrl(base, layer), "collection", MediaTypes.JSON, "The collection")), crs);
  }

  /** The queryables of a layer at one version of its data. */
  private record VersionedQueryables(long version, Queryables queryables) {}

  /** One item in CRS84. */
  public FeatureDocument item(BaseUrl base, String collectionId, String featureId) {
    return item(base, collectionId, featureId, CrsRef.CRS84);
  }

  private Layer layer(String id) {
    return catalog.layer(id).orElseThrow(() -> TapakException.notFound("collectionId",
        "no collection '" + id + "'; see " + ROOT + "/collections for the list"));
  }

  private static CollectionInfo info(BaseUrl base, Layer l) {
    String self = collectionUrl(base, l);
    List<Link> links = List.of(
        Link.of(self, "self", MediaTypes.JSON, "This collection"),
        Link.of(self + HTML_QUERY, "alternate", MediaTypes.HTML, "This collection as HTML"),
        Link.of(self + "/items", "items", MediaTypes.GEOJSON, "The features"),
        Link.of(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", MediaTypes.SCHEMA_JSON,
            "The queryables (JSON Schema)"),
        Link.of(base.resolve(ROOT + "/collections"), "parent", MediaTypes.JSON, "All collections"));
    Envelope b = l.bboxIfAvailable();
    CollectionInfo.Extent extent = b.isNull() ? null : new CollectionInfo.Extent(new CollectionInfo.Spatial(
        List.of(List.of(down(b.getMinX()), down(b.getMinY()), up(b.getMaxX()), up(b.getMaxY()))), MediaTypes.CRS84));
    return new CollectionInfo(l.id(), l.spec().title().both(), description(l), links, extent, "feature",
        CrsRef.forExtent(b).stream().map(CrsRef::uri).toList(), MediaTypes.CRS84);
  }

  /** A query-string value, percent-encoded but with the commas and colons of bboxes and CRS names kept readable. */
  private static String query(String v) {
    return BaseUrl.segment(v).replace("%2C", ",").replace("%3A", ":");
  }

  /**
   * Extent corners rounded outwards to 7 decimals (about 1 cm), the precision of written coordinates: a client that
   * sends the extent back as a bbox with 7 decimals (ets-ogcapi-features10 does) must still match every feature.
   */
  private static double down(double v) {
    return Math.floor(v * 1e7) / 1e7;
  }

  private static double up(double v) {
    return Math.ceil(v * 1e7) / 1e7;
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

  /** An items URL repeating the request's parameters and limit, so next/prev pages keep bbox, filter and CRS. */
  private static String itemsUrl(BaseUrl base, Layer l, ItemsRequest r, int offset) {
    StringBuilder sb = new StringBuilder(collectionUrl(base, l)).append("/items?limit=").append(r.query().limit())
        .append("&offset=").append(offset);
    r.echo().forEach((k, v) -> sb.append('&').append(query(k)).append('=').append(query(v)));
    return sb.toString();
  }
}
