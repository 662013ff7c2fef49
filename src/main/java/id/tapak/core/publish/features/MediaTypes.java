package id.tapak.core.publish.features;

/** Media types and URIs OGC API – Features names; strings, so core needs no HTTP library. */
public final class MediaTypes {

  /** GeoJSON (RFC 7946): items and single items. */
  public static final String GEOJSON = "application/geo+json";
  /** Landing page, conformance, collections. */
  public static final String JSON = "application/json";
  /** The OpenAPI 3.0 document, as OGC API Part 1 names it for {@code service-desc}. */
  public static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
  /** JSON Schema: the queryables (OGC API – Features Part 3). */
  public static final String SCHEMA_JSON = "application/schema+json";
  /** Swagger UI, the {@code service-doc}. */
  public static final String HTML = "text/html";
  /** WGS 84 longitude/latitude: the default CRS of items, bboxes and filter literals. */
  public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private MediaTypes() {}
}
