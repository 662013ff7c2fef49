package id.tapak.web.corridors;

import id.tapak.core.corridor.Corridor;
import id.tapak.core.corridor.CorridorReport;
import id.tapak.core.corridor.CorridorService;
import id.tapak.core.corridor.CorridorWriter;
import id.tapak.core.model.TapakException;
import java.util.LinkedHashMap;
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
 * come from {@link CorridorService}, computed once per catalog.
 */
@RestController
class CorridorsController {

  private static final String BASE = "/api/corridors";
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

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
    CorridorReport r = corridors.report(id).orElseThrow(() -> TapakException.notFound("id", "no corridor '" + id
        + "'; corridors: " + corridors.corridors().stream().map(c -> c.spec().id()).toList()));
    boolean csv = "csv".equals(f) || f == null && accept != null && accept.contains("text/csv");
    if (csv) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"koridor-" + id + ".csv\"")
          .body(CorridorWriter.csv(r));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(CorridorWriter.json(r, BASE));
  }
}
