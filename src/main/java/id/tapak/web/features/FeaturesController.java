package id.tapak.web.features;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.features.CollectionInfo;
import id.tapak.core.publish.features.CollectionList;
import id.tapak.core.publish.features.ConformanceDeclaration;
import id.tapak.core.publish.features.FeaturesApi;
import id.tapak.core.publish.features.ItemsRequest;
import id.tapak.core.publish.features.LandingPage;
import id.tapak.core.publish.features.MediaTypes;
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
import java.util.Locale;
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
 * client never gets a 406. Query parameters are taken as strings and parsed in core, which names the parameter at
 * fault; unknown parameters are ignored (QGIS and GDAL add their own).
 */
@RestController
@RequestMapping("/ogc")
@Tag(name = "OGC API – Features", description = "The layers as OGC API – Features Part 1 collections (GeoJSON)")
class FeaturesController {

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
  ResponseEntity<LandingPage> landingPage(@Parameter(description = "json (the only format)") @RequestParam(
      name = "f", required = false) @Nullable String f, HttpServletRequest req) {
    requireJson(f);
    return json(api.landingPage(baseUrl.of(req)));
  }

  /** {@code /ogc/} answers like {@code /ogc}: clients and people add the slash; not listed twice in the OpenAPI. */
  @GetMapping("/")
  @Hidden
  ResponseEntity<LandingPage> landingPageSlash(@RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    return landingPage(f, req);
  }

  @GetMapping("/conformance")
  @Operation(summary = "Conformance classes implemented: core, geojson, oas30")
  ResponseEntity<ConformanceDeclaration> conformance(
      @Parameter(description = "json") @RequestParam(name = "f", required = false) @Nullable String f) {
    requireJson(f);
    return json(api.conformance());
  }

  @GetMapping("/collections")
  @Operation(summary = "All collections (one per layer) with their CRS84 extents")
  ResponseEntity<CollectionList> collections(
      @Parameter(description = "json") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    requireJson(f);
    return json(api.collections(baseUrl.of(req)));
  }

  @GetMapping("/collections/{collectionId}")
  @Operation(summary = "One collection", responses = {@ApiResponse(responseCode = "200"),
      @ApiResponse(responseCode = "404", description = "no such collection",
          content = @Content(mediaType = "application/problem+json"))})
  ResponseEntity<CollectionInfo> collection(
      @Parameter(description = "layer id, see /ogc/collections") @PathVariable String collectionId,
      @Parameter(description = "json") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req) {
    requireJson(f);
    return json(api.collection(baseUrl.of(req), collectionId));
  }

  @GetMapping("/collections/{collectionId}/items")
  @Operation(summary = "Features of a collection, one page at a time (GeoJSON)",
      description = "Features in layer order; follow the 'next' link for the next page. numberMatched counts "
          + "the features in the bbox before paging.",
      responses = {
          @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaTypes.GEOJSON)),
          @ApiResponse(responseCode = "400", description = "bad bbox, limit, offset or datetime (the problem names it)",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "404", description = "no such collection",
              content = @Content(mediaType = "application/problem+json"))})
  void items(
      @Parameter(description = "layer id") @PathVariable String collectionId,
      @Parameter(in = ParameterIn.QUERY, description = "minLon,minLat,maxLon,maxLat in CRS84 (6 numbers with "
          + "heights are accepted, heights ignored); features whose geometry intersects the box",
          style = ParameterStyle.FORM, explode = Explode.FALSE,
          array = @ArraySchema(schema = @Schema(type = "number"), minItems = 4, maxItems = 6))
      @RequestParam(name = "bbox", required = false) @Nullable String bbox,
      @Parameter(in = ParameterIn.QUERY, description = "page size; values above 10000 are served as 10000",
          schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "100"))
      @RequestParam(name = "limit", required = false) @Nullable String limit,
      @Parameter(in = ParameterIn.QUERY, description = "matched features to skip",
          schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
      @RequestParam(name = "offset", required = false) @Nullable String offset,
      @Parameter(in = ParameterIn.QUERY, description = "RFC 3339 date, date-time or interval (start/end, '..' for "
          + "an open end); checked, but layers carry no time, so it filters nothing")
      @RequestParam(name = "datetime", required = false) @Nullable String datetime,
      @Parameter(description = "json or geojson") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req, HttpServletResponse res) throws IOException {
    requireJson(f);
    var page = api.items(baseUrl.of(req), ItemsRequest.parse(collectionId, bbox, limit, offset, datetime));
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
      @Parameter(description = "json or geojson") @RequestParam(name = "f", required = false) @Nullable String f,
      HttpServletRequest req, HttpServletResponse res) throws IOException {
    requireJson(f);
    var doc = api.item(baseUrl.of(req), collectionId, featureId);
    geoJson(res);
    doc.writeTo(res.getOutputStream());
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
      throw TapakException.badRequest("f", "f must be json or geojson; this server has no other encoding");
    }
  }
}
