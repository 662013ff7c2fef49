package id.tapak.core.publish.wms;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Encodes GetFeatureInfo answers: a GeoJSON FeatureCollection (each feature with a foreign member {@code layer}),
 * an HTML page with one table per feature (Indonesian headings first, then English), or plain text. Thread-safe.
 */
final class FeatureInfoWriter {

  /** The features found in one queried layer. */
  record Hits(WmsLayers.Entry layer, List<Feature> features) {}

  private FeatureInfoWriter() {}

  static byte[] write(List<Hits> hits, String format) {
    return switch (format) {
      case GetFeatureInfoRequest.JSON -> json(hits);
      case GetFeatureInfoRequest.HTML -> html(hits).getBytes(StandardCharsets.UTF_8);
      default -> text(hits).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static byte[] json(List<Hits> hits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = GeoJsonWriter.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      for (Hits h : hits) {
        for (Feature f : h.features()) {
          GeoJsonWriter.writeFeature(f, g, GeoJsonWriter.DECIMALS, m -> m.writeStringProperty("layer",
              h.layer().name()));
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static String html(List<Hits> hits) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        + "<title>Informasi objek / Feature info</title></head><body>\n");
    int n = 0;
    for (Hits h : hits) {
      for (Feature f : h.features()) {
        n++;
        sb.append("<h3>").append(esc(h.layer().title().both())).append(" &mdash; ").append(esc(f.id()))
            .append("</h3>\n<table border=\"1\"><tr><th>Atribut / Attribute</th><th>Nilai / Value</th></tr>\n");
        for (Map.Entry<String, @Nullable Object> e : f.properties().entrySet()) {
          sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
              .append(esc(String.valueOf(e.getValue()))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
      }
    }
    if (n == 0) {
      sb.append("<p>Tidak ada objek di titik ini. / No feature at this point.</p>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String text(List<Hits> hits) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (Hits h : hits) {
      for (Feature f : h.features()) {
        n++;
        sb.append("Layer '").append(h.layer().name()).append("' (").append(h.layer().title().both())
            .append("), feature ").append(f.id()).append(":\n");
        for (Map.Entry<String, @Nullable Object> e : f.properties().entrySet()) {
          sb.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
      }
    }
    if (n == 0) {
      sb.append("Tidak ada objek di titik ini. / No feature at this point.\n");
    }
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
