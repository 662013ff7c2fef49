package id.tapak.core.publish.features;

import java.util.List;

/**
 * The conformance declaration ({@code /ogc/conformance}): the conformance classes this server implements. Clients
 * switch behaviour on it, so only classes that are really implemented are listed (no HTML, no CRS extension).
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

  /** What Tapak implements. */
  public static final ConformanceDeclaration TAPAK = new ConformanceDeclaration(List.of(CORE, GEOJSON, OAS30));

  public ConformanceDeclaration {
    conformsTo = List.copyOf(conformsTo);
  }
}
