package id.tapak.core.publish.features;

import java.util.List;

/**
 * The conformance declaration ({@code /ogc/conformance}): the conformance classes this server implements. Clients
 * switch behaviour on it, so only classes that are really implemented are listed.
 *
 * @param conformsTo conformance class URIs
 */
public record ConformanceDeclaration(List<String> conformsTo) {

  /** OGC API – Features Part 1: Core. */
  public static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
  /** Items are GeoJSON. */
  public static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
  /** The API is described by an OpenAPI 3.0 document ({@code service-desc}). */
  public static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";

  /** HTML pages for people (f=html or a browser's Accept). */
  public static final String HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
  /** Part 2: crs and bbox-crs by reference, storageCrs, Content-Crs. */
  public static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";
  /** Part 3: queryables per collection. */
  public static final String QUERYABLES = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables";
  /** Part 3: the filter parameter. */
  public static final String FILTER = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter";
  /** Part 3: filter on the items of a collection. */
  public static final String FEATURES_FILTER =
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter";
  /** CQL2 text and JSON encodings, Basic CQL2 and Basic Spatial Functions (OGC 21-065r2). */
  public static final String CQL2_TEXT = "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text";
  public static final String CQL2_JSON = "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json";
  public static final String CQL2_BASIC = "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2";
  public static final String CQL2_BASIC_SPATIAL =
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions";

  /** What Tapak implements, each class proved by the tests docs/ogcapi.md names. */
  public static final ConformanceDeclaration TAPAK = new ConformanceDeclaration(List.of(CORE, GEOJSON, HTML, OAS30,
      CRS, QUERYABLES, FILTER, FEATURES_FILTER, CQL2_TEXT, CQL2_JSON, CQL2_BASIC, CQL2_BASIC_SPATIAL));

  public ConformanceDeclaration {
    conformsTo = List.copyOf(conformsTo);
  }
}
