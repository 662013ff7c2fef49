package id.tapak.web.checks;

import id.tapak.core.model.TapakException;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.store.CheckStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/checks} (GeoJSON body or multipart upload), {@code GET /api/checks/{id}} (JSON report or GeoJSON
 * of site and conflicts), {@code GET /api/checks} (paged list). Thin: parse, check, store, encode. A check is stored
 * (and committed) before the 201 is sent; a refused proposal stores nothing.
 */
@RestController
class ChecksController {

  static final String GEO_JSON = "application/geo+json";
  private static final String BASE = "/api/checks";

  private final ProposalParser parser;
  private final ConformityEngine engine;
  private final CheckStore store;
  private final UploadReader uploads;

  ChecksController(ProposalParser parser, ConformityEngine engine, CheckStore store, UploadReader uploads) {
    this.parser = parser;
    this.engine = engine;
    this.store = store;
    this.uploads = uploads;
  }

  @PostMapping(value = BASE, consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> create(@RequestBody(required = false) byte @Nullable [] body, Principal caller) {
    return checkAndStore(parser.parse(body == null ? new byte[0] : body), caller);
  }

  @PostMapping(value = BASE, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> upload(@RequestParam(value = "file", required = false) @Nullable MultipartFile file,
      @RequestParam Map<String, String> form, Principal caller) {
    if (file == null || file.isEmpty()) {
      throw TapakException.badRequest("file", "a multipart field 'file' with a .zip (shapefile), .kml, .gpkg or "
          + ".geojson file is required");
    }
    return checkAndStore(uploads.read(file, form), caller);
  }

  /** Checks and stores; the caller is the access token's name (web.security), kept as {@code createdBy}. */
  private ResponseEntity<byte[]> checkAndStore(Proposal proposal, Principal caller) {
    ConformityReport report = engine.check(proposal);
    byte[] stored = store.save(report, caller.getName());
    return ResponseEntity.created(URI.create(BASE + "/" + report.id())).contentType(MediaType.APPLICATION_JSON)
        .body(withLinks(stored, report.id(), caller.getName()));
  }

  /** Deletes a stored check (admin only, web.security): 204, or 404 when there is none. */
  @DeleteMapping(BASE + "/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    if (!store.delete(id)) {
      throw TapakException.notFound("id", "no check with id '" + id + "'");
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * The stored report: GeoJSON (site and conflicts) when the client asks for {@code application/geo+json} (Accept
   * header, or {@code ?f=geojson}), else the JSON report; {@code *}{@code /*} and no Accept get JSON.
   */
  @GetMapping(BASE + "/{id}")
  ResponseEntity<byte[]> report(@PathVariable String id,
      @RequestHeader(value = "Accept", required = false) @Nullable String accept,
      @RequestParam(value = "f", required = false) @Nullable String f) {
    CheckStore.StoredCheck c = stored(id);
    boolean geo = "geojson".equalsIgnoreCase(f) || f == null && accept != null && accept.contains(GEO_JSON);
    if (geo) {
      return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON)).body(c.geoJson());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(withLinks(c.reportJson(), id, c.summary().createdBy()));
  }

  private CheckStore.StoredCheck stored(String id) {
    return store.find(id).orElseThrow(() -> TapakException.notFound("id", "no check with id '" + id + "'"));
  }

  /**
   * Appends who made the check ({@code createdBy}, the token name; null for checks stored before it was recorded)
   * and the links member to a report (stored without them, so the base path can change): JSON, GeoJSON, the
   * printable PDF/HTML/CSV reports, the map image and the web map showing the check.
   */
  private static byte[] withLinks(byte[] json, String id, @Nullable String createdBy) {
    String href = BASE + "/" + id;
    // token names are [A-Za-z0-9._@-] (web.security.AccessTokens): nothing to escape
    String by = createdBy == null ? "null" : "\"" + createdBy + "\"";
    byte[] links = (",\"createdBy\":" + by + ",\"links\":[" + link("self", "application/json", href) + ","
        + link("alternate", "application/geo+json", href) + ","
        + link("alternate", "application/pdf", href + "/report.pdf") + ","
        + link("alternate", "text/html", href + "/report.html") + ","
        + link("alternate", "text/csv", href + "/report.csv") + ","
        + link("preview", "image/png", href + "/map.png") + ","
        + link("related", "text/html", "/?check=" + id) + "]}").getBytes(StandardCharsets.UTF_8);
    // the report's closing brace is its last byte but trailing whitespace: the links go in before it, byte for byte
    // (no decoding of a report of tens of kilobytes into a String and back)
    int end = json.length - 1;
    while (end >= 0 && json[end] != '}') {
      end--;
    }
    byte[] out = Arrays.copyOf(json, end + links.length);
    System.arraycopy(links, 0, out, end, links.length);
    return out;
  }

  private static String link(String rel, String type, String href) {
    return "{\"rel\":\"" + rel + "\",\"type\":\"" + type + "\",\"href\":\"" + href + "\"}";
  }

  /**
   * The check history, newest first, optionally filtered ({@code from}, {@code to}: ISO dates or instants, {@code to}
   * a date meaning the end of that day; {@code verdict}; {@code place}: kabupaten/kota, kecamatan or region name;
   * {@code rulebook}). Links carry the filter on, so a client pages through the filtered list.
   */
  @GetMapping(value = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> list(@RequestParam(defaultValue = "20") String limit,
      @RequestParam(defaultValue = "0") String offset, @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String verdict,
      @RequestParam(required = false) @Nullable String place,
      @RequestParam(required = false) @Nullable String rulebook) {
    int l = intParam("limit", limit, 1, 10_000);
    int o = intParam("offset", offset, 0, Integer.MAX_VALUE);
    CheckStore.CheckFilter filter = HistoryFilter.of(from, to, verdict, place, rulebook);
    List<CheckStore.CheckSummary> page = store.list(filter, l, o);
    long total = store.count(filter);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (CheckStore.CheckSummary c : page) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("created", c.created());
      m.put("name", c.name());
      m.put("verdict", c.verdict());
      m.put("siteHa", c.siteHa());
      m.put("rulebook", c.rulebook());
      m.put("location", c.location());
      m.put("createdBy", c.createdBy());
      m.put("href", BASE + "/" + c.id());
      checks.add(m);
    }
    String query = HistoryFilter.query(from, to, verdict, place, rulebook);
    List<Map<String, String>> links = new ArrayList<>();
    links.add(Map.of("rel", "self", "href", BASE + "?limit=" + l + "&offset=" + o + query));
    if (o + page.size() < total) {
      links.add(Map.of("rel", "next", "href", BASE + "?limit=" + l + "&offset=" + (o + page.size()) + query));
    }
    if (o > 0) {
      links.add(Map.of("rel", "prev", "href", BASE + "?limit=" + l + "&offset=" + Math.max(0, o - l) + query));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("numberMatched", total);
    body.put("numberReturned", page.size());
    body.put("checks", checks);
    body.put("links", links);
    return body;
  }

  private static int intParam(String name, String v, int min, int max) {
    try {
      int i = Integer.parseInt(v.trim());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw TapakException.badRequest(name, name + " must be an integer from " + min + " to " + max + ", got '" + v
        + "'");
  }
}
