package id.tapak.web.layers;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Coverage;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.publish.report.CheckReport;
import id.tapak.core.rulebook.LayerFlags;
import id.tapak.core.rulebook.Rulebook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/layers}: the catalog at a glance, one entry per layer. */
@RestController
class LayersController {

  private final Catalog catalog;
  private final Map<String, List<String>> flags;

  LayersController(Catalog catalog, Rulebook rulebook) {
    this.catalog = catalog;
    this.flags = LayerFlags.of(catalog, rulebook);
  }

  @GetMapping(value = "/api/layers", produces = "application/json")
  Map<String, Object> layers() {
    List<Map<String, Object>> out = catalog.layers().stream().map(this::entry).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("project", catalog.project().project().id());
    body.put("title", catalog.project().project().title());
    body.put("layers", out);
    return body;
  }

  Map<String, Object> entry(Layer l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("title", l.spec().title());
    m.put("role", l.role().wireName());
    // a live PostGIS layer whose database is down: listed, marked, without the figures only the database knows
    m.put("live", !l.inMemory());
    m.put("available", l.available());
    try {
      m.put("geometryType", l.geometryKind().ogcName());
      m.put("featureCount", l.count());
      Envelope b = l.bbox();
      // [minLon, minLat, maxLon, maxLat] in EPSG:4326, as in GeoJSON and OGC API extents
      m.put("bbox", b.isNull() ? null : List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
      m.put("repairedCount", l.repairedCount());
      m.put("skippedCount", l.skippedCount());
      m.put("sourceCrs", "EPSG:" + l.sourceEpsg());
      m.put("fields", l.fieldNames());
    } catch (LayerUnavailableException e) {
      m.put("available", false);
    }
    if (!Boolean.TRUE.equals(m.get("available"))) {
      m.put("unavailable", Map.of("id", "tidak tersedia: basis data layer tidak dapat dihubungi",
          "en", "unavailable: " + (l.unavailableReason() != null ? l.unavailableReason() : "database unreachable")));
    }
    m.put("sourceType", l.spec().source().type().wireName());
    // the attribute holding a feature's display name (fields.name in tapak.yml), or null: the web map's search
    m.put("nameField", l.spec().fields().name());
    if (l.spec().attribution() != null) {
      m.put("attribution", l.spec().attribution());
    }
    if (l.spec().description() != null) {
      m.put("description", l.spec().description());
    }
    // declared geometry quality (features' geometry_quality, or "schematic" said in title/description), or null
    String quality = CheckReport.geometryQuality(l);
    m.put("schematic", CheckReport.isSchematic(quality));
    // where the absence of a feature means "nothing there" (docs/rulebook.md, Coverage)
    Coverage c = catalog.coverage(l);
    Map<String, Object> cov = new LinkedHashMap<>();
    cov.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    cov.put("description", c.description());
    if (c.area() != null) {
      Envelope e = c.area().getEnvelopeInternal();
      cov.put("bbox", List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }
    m.put("coverage", cov);
    m.put("flags", flags.getOrDefault(l.id(), List.of()));
    m.put("geometryQuality", quality);
    m.put("regulation", l.spec().regulation());
    m.put("date", l.spec().date());
    return m;
  }
}
