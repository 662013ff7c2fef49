package id.tapak.web.features;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.features.CollectionInfo;
import id.tapak.core.publish.features.BaseUrl;
import id.tapak.core.publish.features.CollectionList;
import id.tapak.core.publish.features.CrsRef;
import id.tapak.core.publish.features.ConformanceDeclaration;
import id.tapak.core.publish.features.FeaturesApi;
import id.tapak.core.publish.features.ItemsRequest;
import id.tapak.core.publish.features.LandingPage;
import id.tapak.core.publish.features.MediaTypes;
import id.tapak.core.publish.features.html.HtmlPages;
import id.tapak.core.publish.features.filter.QueryablesSchema;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Features Part 1 under {@code /ogc}. JSON documents are answered {@code application/json} and items
 * {@code application/geo+json} whatever the {@code Accept} header says (GDAL asks for both, browsers for HTML), so a
 * client never gets a 406, except that a browser (Accept preferring text/html) or {@code f=html} gets the HTML pages.
 * Query parameters are taken as strings and parsed in core, which names the parameter at fault; a parameter the
 * operation does not define is a 400 naming it (Part 1 /req/core/query-param-unknown).
 */
@RestController
@RequestMapping("/ogc")
@Tag(name = "OGC API – Features", description = "The layers as OGC API – Features Part 1 collections (GeoJSON)")
class FeaturesController {

  /** The one parameter of the landing page, conformance, collections and queryables. */
  private static final Set<String> F_ONLY = Set.of("f");
  private static final Set<String> ITEM_PARAMETERS = Set.of("f", "crs");
  private static final MediaType SCHEMA_JSON = MediaType.parseMediaType(MediaTypes.SCHEMA_JSON);
  private static final Set<String> JSON_FORMATS = Set.of("json", "geojson", MediaTypes.JSON, MediaTypes.GEOJSON);
  private static final MediaType GEOJSON_UTF8 = MediaType.parseMediaType(MediaTypes.GEOJSON);

  private final FeaturesApi api;
  private final PublicBaseUrl baseUrl;

  FeaturesController(Catalog catalog, PublicBaseUrl baseUrl) {
    this.api = new FeaturesApi(catalog);
    this.baseUrl = baseUrl;
  }

  @GetMapping("")
  @Operation(summary = "Landing page", description = "Links to the API definition, conformance and collections.")
  ResponseEntity<?> landingPage(@Parameter(description = "json or html") @RequestParam(
      name = "f", required = false) @Nullable String f, HttpServletRequest req) {
    known(req, F_ONLY);
    LandingPage page = api.landingPage(baseUrl.of(req));
    return wantsHtml(f, req) ? html(HtmlPages.landing(page)) : json(page);
  }

  /** {@code /ogc/} answers like {@code /ogc}: clients and people add the slash; not listed twice in the OpenAPI. */
  @GetMapping("/")
  @Hidden
  ResponseEntity<?> landingPageSlash(@RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    return landingPage(f, req);
  }

  @GetMapping("/conformance")
  @Operation(summary = "Conformance classes implemented (Part 1 core, geojson, html, oas30; Part 2 crs; Part 3 "
      + "queryables, filter, features-filter; CQL2 basic and basic spatial functions)")
  ResponseEntity<?> conformance(
      @Parameter(description = "json or html") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    known(req, F_ONLY);
    ConformanceDeclaration c = api.conformance();
    return wantsHtml(f, req) ? html(HtmlPages.conformance(c)) : json(c);
  }

  @GetMapping("/collections")
  @Operation(summary = "All collections (one per layer) with their CRS84 extents")
  ResponseEntity<?> collections(
      @Parameter(description = "json or html") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    known(req, F_ONLY);
    CollectionList list = api.collections(baseUrl.of(req));
    return wantsHtml(f, req) ? html(HtmlPages.collections(list)) : json(list);
  }

  @GetMapping("/collections/{collectionId}")
  @Operation(summary = "One collection", responses = {@ApiResponse(responseCode = "200"),
      @ApiResponse(responseCode = "404", description = "no such collection",
          content = @Content(mediaType = "application/problem+json"))})
  ResponseEntity<?> collection(
      @Parameter(description = "layer id, see /ogc/collections") @PathVariable String collectionId,
      @Parameter(description = "json or html") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    known(req, F_ONLY);
    CollectionInfo c = api.collection(baseUrl.of(req), collectionId);
    return wantsHtml(f, req) ? html(HtmlPages.collection(c)) : json(c);
  }

  @GetMapping("/collections/{collectionId}/queryables")
  @Operation(summary = "The queryables of a collection (JSON Schema): what filter and sortby may name",
      responses = {@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaTypes.SCHEMA_JSON)),
          @ApiResponse(responseCode = "404", description = "no such collection",
              content = @Content(mediaType = "application/problem+json"))})
  ResponseEntity<Map<String, Object>> queryables(
      @Parameter(description = "layer id") @PathVariable String collectionId,
      @Parameter(description = "json") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    known(req, F_ONLY);
    requireJson(f);
    String self = baseUrl.of(req).resolve(FeaturesApi.ROOT + "/collections/" + BaseUrl.segment(collectionId)
        + "/queryables");
    return ResponseEntity.ok().contentType(SCHEMA_JSON).body(QueryablesSchema.of(api.queryables(collectionId), self));
  }

  @GetMapping("/collections/{collectionId}/items")
  @Operation(summary = "Features of a collection, one page at a time (GeoJSON)",
      description = "Features in layer order (or sortby); follow the 'next' link for the next page. numberMatched "
          + "counts the features in the bbox and filter before paging.",
      responses = {
          @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaTypes.GEOJSON)),
          @ApiResponse(responseCode = "400", description = "bad or unknown parameter (the problem names it)",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "404", description = "no such collection",
              content = @Content(mediaType = "application/problem+json"))})
  void items(
      @Parameter(description = "layer id") @PathVariable String collectionId,
      @Parameter(in = ParameterIn.QUERY, description = "minx,miny,maxx,maxy in bbox-crs (default CRS84 "
          + "minLon,minLat,maxLon,maxLat; 6 numbers with heights are accepted, heights ignored; minLon > maxLon "
          + "crosses the antimeridian); features whose geometry intersects the box",
          style = ParameterStyle.FORM, explode = Explode.FALSE,
          array = @ArraySchema(schema = @Schema(type = "number"), minItems = 4, maxItems = 6))
      @RequestParam(name = "bbox", required = false) @Nullable String bbox,
      @Parameter(in = ParameterIn.QUERY, description = "the CRS of bbox (Part 2), a URI from the collection's crs "
          + "list", schema = @Schema(type = "string", format = "uri"))
      @RequestParam(name = "bbox-crs", required = false) @Nullable String bboxCrs,
      @Parameter(in = ParameterIn.QUERY, description = "page size; values above 10000 are served as 10000",
          style = ParameterStyle.FORM, explode = Explode.FALSE,
          schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "100"))
      @RequestParam(name = "limit", required = false) @Nullable String limit,
      @Parameter(in = ParameterIn.QUERY, description = "matched features to skip",
          style = ParameterStyle.FORM, explode = Explode.FALSE,
          schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
      @RequestParam(name = "offset", required = false) @Nullable String offset,
      @Parameter(in = ParameterIn.QUERY, description = "RFC 3339 date, date-time or interval (start/end, '..' for "
          + "an open end); checked, but layers carry no time, so it filters nothing",
          style = ParameterStyle.FORM, explode = Explode.FALSE, schema = @Schema(type = "string"))
      @RequestParam(name = "datetime", required = false) @Nullable String datetime,
      @Parameter(in = ParameterIn.QUERY, description = "the CRS of the answer (Part 2), a URI from the "
          + "collection's crs list; default CRS84", schema = @Schema(type = "string", format = "uri"))
      @RequestParam(name = "crs", required = false) @Nullable String crs,
      @Parameter(in = ParameterIn.QUERY, description = "a CQL2 filter (Part 3) on the queryables: comparison, AND, "
          + "OR, NOT, LIKE, IN, BETWEEN, IS NULL, S_INTERSECTS(geometry, WKT or BBOX)")
      @RequestParam(name = "filter", required = false) @Nullable String filter,
      @Parameter(in = ParameterIn.QUERY, description = "cql2-text (default) or cql2-json",
          schema = @Schema(type = "string", allowableValues = {"cql2-text", "cql2-json"}))
      @RequestParam(name = "filter-lang", required = false) @Nullable String filterLang,
      @Parameter(in = ParameterIn.QUERY, description = "the CRS of the filter's geometry literals; default CRS84",
          schema = @Schema(type = "string", format = "uri"))
      @RequestParam(name = "filter-crs", required = false) @Nullable String filterCrs,
      @Parameter(in = ParameterIn.QUERY, description = "queryables to sort by, comma-separated, each with an "
          + "optional + (ascending) or - (descending)", style = ParameterStyle.FORM, explode = Explode.FALSE,
          array = @ArraySchema(schema = @Schema(type = "string")))
      @RequestParam(name = "sortby", required = false) @Nullable String sortby,
      @Parameter(description = "json, geojson or html") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req, HttpServletResponse res) throws IOException {
    Map<String, String> params = firstValues(req);
    boolean html = wantsHtml(f, req);
    var page = api.items(baseUrl.of(req), ItemsRequest.parse(collectionId, params));
    res.setHeader("Content-Crs", "<" + page.crs().uri() + ">");
    if (html) {
      html(res, HtmlPages.items(api.collection(baseUrl.of(req), collectionId), page));
      return;
    }
    geoJson(res);
    page.writeTo(res.getOutputStream());
  }

  @GetMapping("/collections/{collectionId}/items/{featureId}")
  @Operation(summary = "One feature (GeoJSON)", responses = {
      @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaTypes.GEOJSON)),
      @ApiResponse(responseCode = "404", description = "no such collection or feature",
          content = @Content(mediaType = "application/problem+json"))})
  void item(
      @Parameter(description = "layer id") @PathVariable String collectionId,
      @Parameter(description = "feature id, as in the items' id member") @PathVariable String featureId,
      @Parameter(in = ParameterIn.QUERY, description = "the CRS of the answer (Part 2); default CRS84",
          schema = @Schema(type = "string", format = "uri"))
      @RequestParam(name = "crs", required = false) @Nullable String crs,
      @Parameter(description = "json, geojson or html") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req, HttpServletResponse res) throws IOException {
    known(req, ITEM_PARAMETERS);
    boolean html = wantsHtml(f, req);
    CrsRef ref = crs == null || crs.isBlank() ? CrsRef.CRS84 : CrsRef.parse(crs, "crs");
    var doc = api.item(baseUrl.of(req), collectionId, featureId, ref);
    res.setHeader("Content-Crs", "<" + ref.uri() + ">");
    if (html) {
      html(res, HtmlPages.item(api.collection(baseUrl.of(req), collectionId), doc));
      return;
    }
    geoJson(res);
    doc.writeTo(res.getOutputStream());
  }

  /** The first value of every query parameter, in request order. */
  private static Map<String, String> firstValues(HttpServletRequest req) {
    Map<String, String> m = new LinkedHashMap<>();
    req.getParameterMap().forEach((k, v) -> m.put(k, v.length == 0 ? "" : v[0]));
    return m;
  }

  /** 400 naming the first parameter the operation does not define (Part 1 /req/core/query-param-unknown). */
  private static void known(HttpServletRequest req, Set<String> allowed) {
    ItemsRequest.requireKnown(firstValues(req), allowed);
  }

  /**
   * HTML when {@code f=html}, or when {@code f} is absent and the Accept header prefers text/html over JSON (a
   * browser); JSON otherwise. Any other {@code f} is a 400 naming {@code f}.
   */
  static boolean wantsHtml(@Nullable String f, HttpServletRequest req) {
    if (f != null && !f.isBlank()) {
      if (f.trim().equalsIgnoreCase("html") || f.trim().equalsIgnoreCase(MediaTypes.HTML)) {
        return true;
      }
      requireJson(f);
      return false;
    }
    String accept = req.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (RuntimeException e) {
      return false;
    }
    double htmlQ = 0;
    double jsonQ = 0;
    int htmlAt = Integer.MAX_VALUE;
    int jsonAt = Integer.MAX_VALUE;
    for (int i = 0; i < types.size(); i++) {
      MediaType t = types.get(i);
      double q = t.getQualityValue();
      if (!t.isWildcardType() && t.getType().equals("text") && t.getSubtype().equals("html")) {
        if (q > htmlQ) {
          htmlQ = q;
          htmlAt = i;
        }
      } else if (t.getSubtype().endsWith("json") || t.isWildcardType()) {
        if (q > jsonQ) {
          jsonQ = q;
          jsonAt = i;
        }
      }
    }
    return htmlQ > 0 && (htmlQ > jsonQ || (htmlQ == jsonQ && htmlAt < jsonAt));
  }

  private static void html(HttpServletResponse res, String page) throws IOException {
    res.setStatus(HttpServletResponse.SC_OK);
    res.setContentType("text/html;charset=UTF-8");
    res.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseEntity<String> html(String page) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body(page);
  }

  private static <T> ResponseEntity<T> json(T body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static void geoJson(HttpServletResponse res) {
    res.setStatus(HttpServletResponse.SC_OK);
    res.setContentType(GEOJSON_UTF8.toString());
    res.setCharacterEncoding("UTF-8");
  }

  /** {@code f} selects the encoding; JSON is the only one, so anything else is a 400 naming {@code f}. */
  static void requireJson(@Nullable String f) {
    if (f != null && !f.isBlank() && !JSON_FORMATS.contains(f.trim().toLowerCase(Locale.ROOT))) {
      throw TapakException.badRequest("f", "f must be json, geojson or html");
    }
  }
}
