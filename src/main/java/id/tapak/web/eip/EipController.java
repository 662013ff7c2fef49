package id.tapak.web.eip;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.eip.EipEngine;
import id.tapak.core.eip.EipReport;
import id.tapak.core.eip.EipService;
import id.tapak.core.eip.EipWriter;
import id.tapak.core.model.TapakException;
import id.tapak.core.rulebook.Rulebook;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/eip}: the eco-industrial park view of every estate (JSON; CSV with {@code ?f=csv} or
 * {@code Accept: text/csv}); {@code buffer_m} sets the ring for the "within" figures (default: the
 * settlement-distance rule's min_m). Thin: the figures come from {@link EipService}, computed once per buffer.
 */
@RestController
class EipController {

  private static final String BASE = "/api/eip";
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final EipService eip;

  EipController(Catalog catalog, Rulebook rulebook) {
    this.eip = new EipService(catalog, rulebook);
  }

  @GetMapping(BASE)
  ResponseEntity<byte[]> view(@RequestParam(value = "f", required = false) @Nullable String f,
      @RequestParam(value = "buffer_m", required = false) @Nullable String bufferM,
      @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
    if (f != null && !f.equals("json") && !f.equals("csv")) {
      throw TapakException.badRequest("f", "f must be json or csv, got '" + f + "'");
    }
    EipReport r = eip.report(buffer(bufferM));
    boolean csv = "csv".equals(f) || f == null && accept != null && accept.contains("text/csv");
    if (csv) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"eip.csv\"").body(EipWriter.csv(r));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(EipWriter.json(r, BASE));
  }

  private double buffer(@Nullable String s) {
    if (s == null) {
      return eip.engine().defaultBufferM();
    }
    try {
      double v = Double.parseDouble(s);
      if (v >= EipEngine.MIN_BUFFER_M && v <= EipEngine.MAX_BUFFER_M) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw TapakException.badRequest("buffer_m", String.format(Locale.ROOT, "buffer_m must be a number of metres "
        + "from %.0f to %.0f, got '%s'", EipEngine.MIN_BUFFER_M, EipEngine.MAX_BUFFER_M, s));
  }
}
