package id.tapak.web.corridors;

import id.tapak.core.corridor.Corridor;
import id.tapak.core.corridor.CorridorReport;
import id.tapak.core.corridor.CorridorService;
import id.tapak.core.corridor.CorridorWriter;
import id.tapak.core.corridor.GridFeatures;
import id.tapak.core.corridor.SuitabilityGrid;
import id.tapak.core.model.Feature;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import id.tapak.core.publish.report.ReportWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/corridors} (every corridor with its kabupaten/kota and headline indicators) and
 * {@code GET /api/corridors/{id}} (JSON, or CSV with {@code ?f=csv} or {@code Accept: text/csv}). Thin: the figures
 * come from {@link CorridorService}, computed once per catalog. Also the suitability grid
 * ({@code /{id}/grid}) and ranked candidate sites ({@code /{id}/candidates}, each full report at
 * {@code /{id}/candidates/{rank}}) as GeoJSON.
 */
@RestController
class CorridorsController {

  private static final String BASE = "/api/corridors";
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  private static final String GEO_JSON = "application/geo+json";

  private final CorridorService corridors;

  CorridorsController(CorridorService corridors) {
    this.corridors = corridors;
  }

  @GetMapping(value = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> list() {
    Map<String, CorridorReport> reports = new LinkedHashMap<>();
    for (Corridor c : corridors.corridors()) {
      corridors.report(c.spec().id()).ifPresent(r -> reports.put(c.spec().id(), r));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(CorridorWriter.list(corridors.corridors(), reports, BASE));
  }

  @GetMapping(BASE + "/{id}")
  ResponseEntity<byte[]> one(@PathVariable String id, @RequestParam(value = "f", required = false) @Nullable String f,
      @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
    if (f != null && !f.equals("json") && !f.equals("csv")) {
      throw TapakException.badRequest("f", "f must be json or csv, got '" + f + "'");
    }
    CorridorReport r = corridors.report(id).orElseThrow(() -> unknown(id));
    boolean csv = "csv".equals(f) || f == null && accept != null && accept.contains("text/csv");
    if (csv) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"koridor-" + id + ".csv\"")
          .body(CorridorWriter.csv(r));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(CorridorWriter.json(r, BASE));
  }

  /** The suitability grid: one GeoJSON feature per cell (score, free land, distances). */
  @GetMapping(value = BASE + "/{id}/grid", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> grid(@PathVariable String id) {
    SuitabilityGrid.Result g = grid0(id);
    return geoJson(GridFeatures.cells(g), gen -> {
      gen.writeNumberProperty("cellM", g.cellM());
      gen.writeNumberProperty("computeMillis", g.millis());
    });
  }

  /** Ranked candidate sites: one GeoJSON feature each, with the verdict of its full check and a link to it. */
  @GetMapping(value = BASE + "/{id}/candidates", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> candidates(@PathVariable String id) {
    SuitabilityGrid.Result g = grid0(id);
    return geoJson(GridFeatures.candidates(g, BASE + "/" + id + "/candidates"), null);
  }

  /** The full conformity report of one candidate site (as {@code GET /api/checks/{id}} answers a stored check). */
  @GetMapping(value = BASE + "/{id}/candidates/{rank}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> candidate(@PathVariable String id, @PathVariable String rank) {
    SuitabilityGrid.Result g = grid0(id);
    SuitabilityGrid.Candidate c = g.candidates().stream().filter(x -> String.valueOf(x.rank()).equals(rank))
        .findFirst().orElseThrow(() -> TapakException.notFound("rank", "corridor '" + id + "' has "
            + g.candidates().size() + " candidate sites; no rank '" + rank + "'"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReportWriter.json(c.report(), null));
  }

  private SuitabilityGrid.Result grid0(String id) {
    return corridors.grid(id).orElseThrow(() -> unknown(id));
  }

  private TapakException unknown(String id) {
    return TapakException.notFound("id", "no corridor '" + id + "'; corridors: "
        + corridors.corridors().stream().map(c -> c.spec().id()).toList());
  }

  /**
   * The features (already computed and held by {@link CorridorService}) written on the request's thread. Not a
   * {@code StreamingResponseBody}: that writes on another thread while Spring MVC still reads the response's headers
   * on this one, and Tomcat's headers are not thread-safe (a NullPointerException in {@code MimeHeaders} and a cut
   * response were seen under load, GridApiTest on a 2-core CI box).
   */
  private static ResponseEntity<byte[]> geoJson(List<Feature> features,
      java.util.function.@Nullable Consumer<tools.jackson.core.JsonGenerator> extra) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var gen = GeoJsonWriter.generator(out)) {
      GeoJsonWriter.writeCollection(features, gen, extra);
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON)).body(out.toByteArray());
  }
}
