package id.tapak.core.publish.report;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.geojson.GeoJsonWriter;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Severity;
import id.tapak.core.rulebook.Status;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;

/**
 * Encodes a {@link ConformityReport} as the JSON report, as a GeoJSON FeatureCollection of the site and its conflict
 * geometries styled by status (simplestyle {@code fill}/{@code stroke}), or as plain text for the CLI. A publisher:
 * the rulebook computes the report and knows no format. Features go through {@link GeoJsonWriter}, the one feature
 * writer; coordinates are lon/lat rounded to {@link GeoJsonWriter#DECIMALS} (7, about 1 cm). Stateless and
 * thread-safe.
 */
public final class ReportWriter {

  private static final int DECIMALS = GeoJsonWriter.DECIMALS;

  private ReportWriter() {}

  /** The JSON report; {@code baseHref} (e.g. "/api/checks") adds self and alternate links when not null. */
  public static byte[] json(ConformityReport r, @Nullable String baseHref) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = GeoJsonWriter.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("id", r.id());
      g.writeStringProperty("created", r.created().toString());
      g.writeStringProperty("name", r.name());
      g.writeStringProperty("kind", r.kind().wireName());
      g.writeStringProperty("specialCase", r.specialCase() == null ? null : r.specialCase().wireName());
      g.writeStringProperty("rulebook", r.rulebook());
      g.writeStringProperty("verdict", r.verdict().name());
      g.writeStringProperty("verdictLabel", r.verdict().label());
      g.writeNumberProperty("siteHa", r.siteHa());
      g.writeNumberProperty("grossHa", r.grossHa());
      g.writeNumberProperty("netHa", r.netHa());
      if (r.kbli() != null) {
        g.writeStringProperty("kbli", r.kbli());
      }
      if (r.exception() != null) {
        g.writeStringProperty("exception", r.exception().wireName());
      }
      g.writeName("summary");
      g.writeStartObject();
      for (Status s : Status.values()) {
        g.writeNumberProperty(s.name(), r.findings().stream().filter(f -> f.status() == s).count());
      }
      g.writeEndObject();
      g.writeName("notes");
      g.writeStartArray();
      for (String n : r.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeName("notAssessed");
      g.writeStartArray();
      for (Finding f : r.notAssessed()) {
        g.writeStartObject();
        g.writeStringProperty("rule", f.ruleId());
        text(g, "title", f.title());
        text(g, "reason", f.reason());
        g.writeBooleanProperty("blocking", f.severity() == Severity.FAIL);
        if (f.unassessedHa() != null) {
          g.writeNumberProperty("unassessedHa", f.unassessedHa());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("dataUsed");
      g.writeStartArray();
      for (ConformityReport.DataUsed d : r.dataUsed()) {
        g.writeStartObject();
        g.writeStringProperty("layer", d.layer());
        text(g, "title", d.title());
        g.writeStringProperty("source", d.source());
        g.writeStringProperty("date", d.date());
        g.writeStringProperty("geometryQuality", d.geometryQuality());
        g.writeStringProperty("regulation", d.regulation());
        text(g, "coverage", d.coverage());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("location");
      g.writeStartArray();
      for (ConformityReport.Place pl : r.location()) {
        g.writeStartObject();
        g.writeStringProperty("layer", pl.layer());
        text(g, "title", pl.title());
        g.writeName("names");
        g.writeStartArray();
        for (String n : pl.names()) {
          g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("findings");
      g.writeStartArray();
      for (Finding f : r.findings()) {
        finding(f, g);
      }
      g.writeEndArray();
      g.writeName("site");
      GeoJson.write(r.site(), g, DECIMALS);
      if (baseHref != null) {
        String self = baseHref + "/" + r.id();
        g.writeName("links");
        g.writeStartArray();
        link(g, "self", "application/json", self);
        link(g, "alternate", "application/geo+json", self);
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void link(JsonGenerator g, String rel, String type, String href) {
    g.writeStartObject();
    g.writeStringProperty("rel", rel);
    g.writeStringProperty("type", type);
    g.writeStringProperty("href", href);
    g.writeEndObject();
  }

  private static void finding(Finding f, JsonGenerator g) {
    g.writeStartObject();
    g.writeStringProperty("rule", f.ruleId());
    text(g, "title", f.title());
    g.writeStringProperty("status", f.status().name());
    g.writeStringProperty("statusLabel", f.status().label());
    number(g, "measured", f.measured());
    g.writeStringProperty("unit", f.unit());
    number(g, "threshold", f.threshold());
    g.writeStringProperty("citation", f.citation().text());
    g.writeStringProperty("confidence", f.confidence().wireName());
    if (f.subject() != null) {
      g.writeStringProperty("subject", f.subject());
    }
    text(g, "message", f.message());
    if (f.assessedHa() != null) {
      number(g, "assessedHa", f.assessedHa());
      number(g, "unassessedHa", f.unassessedHa());
    }
    text(g, "reason", f.reason());
    if (f.unassessed() != null) {
      // the part of the site the rule's layers do not cover: shown grey on maps, never as a conflict
      g.writeName("unassessed");
      GeoJson.write(f.unassessed(), g, DECIMALS);
    }
    if (f.condition() != null) {
      text(g, "condition", f.condition());
    }
    if (f.conflict() != null) {
      number(g, "conflictHa", f.conflictHa());
      g.writeName("conflict");
      GeoJson.write(f.conflict(), g, DECIMALS);
    }
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String name, @Nullable LocalizedText t) {
    if (t == null) {
      return;
    }
    g.writeName(name);
    g.writeStartObject();
    g.writeStringProperty("id", t.id());
    g.writeStringProperty("en", t.en());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, @Nullable Double v) {
    g.writeName(name);
    if (v == null || !Double.isFinite(v)) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  /**
   * simplestyle colour per status: FAIL red, WARN amber, NOT_ASSESSED / INCOMPLETE grey, else green; the site is
   * coloured by verdict.
   */
  private static String colour(String status) {
    return switch (status) {
      case "FAIL", "NOT_CONFORM" -> "#d7191c";
      case "WARN", "CONDITIONAL" -> "#fdae61";
      case "NOT_ASSESSED", "INCOMPLETE" -> "#969696";
      default -> "#1a9641";
    };
  }

  /**
   * A FeatureCollection: the site (styled by verdict), each finding's conflict geometry (styled by status) and each
   * part of the site a rule could not assess (role {@code not_assessed}, grey).
   */
  public static byte[] geoJson(ConformityReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = GeoJsonWriter.generator(out)) {
      GeoJsonWriter.writeCollection(g, gen -> {
        feature(gen, r.id() + "-site", r.site(), p -> {
          p.writeStringProperty("check_id", r.id());
          p.writeStringProperty("role", "site");
          p.writeStringProperty("name", r.name());
          p.writeStringProperty("verdict", r.verdict().name());
          p.writeNumberProperty("area_ha", r.siteHa());
          p.writeNumberProperty("net_ha", r.netHa());
          // what a map client needs to say the verdict honestly: what was not assessed, and on which data
          p.writeName("not_assessed");
          p.writeStartArray();
          for (Finding f : r.notAssessed()) {
            p.writeString(f.ruleId());
          }
          p.writeEndArray();
          p.writeName("data_used");
          p.writeStartArray();
          for (ConformityReport.DataUsed d : r.dataUsed()) {
            p.writeString(d.layer() + (d.geometryQuality() == null ? "" : " (" + d.geometryQuality() + ")"));
          }
          p.writeEndArray();
          style(p, r.verdict().name(), 0.15);
        });
        for (Finding f : r.findings()) {
          if (f.unassessed() != null) {
            feature(gen, r.id() + "-" + f.ruleId() + "-not-assessed", f.unassessed(), p -> {
              p.writeStringProperty("check_id", r.id());
              p.writeStringProperty("role", "not_assessed");
              p.writeStringProperty("rule", f.ruleId());
              p.writeStringProperty("status", Status.NOT_ASSESSED.name());
              number(p, "hectares", f.unassessedHa());
              p.writeStringProperty("message", f.reason() == null ? f.message().en() : f.reason().en());
              p.writeStringProperty("pesan", f.reason() == null ? f.message().id() : f.reason().id());
              style(p, Status.NOT_ASSESSED.name(), 0.3);
            });
          }
          if (f.conflict() != null) {
            feature(gen, r.id() + "-" + f.ruleId(), f.conflict(), p -> {
              p.writeStringProperty("check_id", r.id());
              p.writeStringProperty("role", "conflict");
              p.writeStringProperty("rule", f.ruleId());
              p.writeStringProperty("status", f.status().name());
              number(p, "hectares", f.conflictHa());
              p.writeStringProperty("message", f.message().en());
              p.writeStringProperty("pesan", f.message().id());
              style(p, f.status().name(), 0.5);
            });
          }
        }
      }, null);
    }
    return out.toByteArray();
  }

  private static void feature(JsonGenerator g, String id, Geometry geometry,
      Consumer<JsonGenerator> properties) {
    GeoJsonWriter.writeFeature(id, geometry, g, DECIMALS, properties, null);
  }

  private static void style(JsonGenerator g, String status, double opacity) {
    g.writeStringProperty("stroke", colour(status));
    g.writeStringProperty("fill", colour(status));
    g.writeNumberProperty("fill-opacity", opacity);
  }

  /**
   * Plain text for the CLI: verdict, what was not assessed and why, one line per finding (status, rule, measured vs
   * threshold, English message), and the data used. The check id is left out: the CLI stores nothing.
   */
  public static String text(ConformityReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s (%s)  %s  %.2f ha gross, %.2f ha net  (%s, rulebook %s)%n", r.verdict(),
        r.verdict().label(), r.name() == null ? "(unnamed)" : r.name(), r.grossHa(), r.netHa(), r.kind().wireName(),
        r.rulebook()));
    for (String n : r.notes()) {
      sb.append("  note: ").append(n).append('\n');
    }
    for (Finding f : r.findings()) {
      String m = f.measured() == null ? "" : String.format(Locale.ROOT, " [%s %s%s]", fmt(f.measured()), f.unit(),
          f.threshold() == null ? "" : " vs " + fmt(f.threshold()));
      String split = f.assessedHa() == null || f.unassessedHa() == null || f.unassessedHa() <= 0 ? ""
          : String.format(Locale.ROOT, " {assessed %.2f ha, not assessed %.2f ha}", f.assessedHa(), f.unassessedHa());
      sb.append(String.format(Locale.ROOT, "  %-14s %-22s%s%s %s (%s)%n", f.status(), f.ruleId(), m, split,
          f.message().en(), f.citation().text()));
      if (f.condition() != null) {
        sb.append("                 condition: ").append(f.condition().en()).append('\n');
      }
    }
    if (!r.notAssessed().isEmpty()) {
      sb.append("not assessed (tidak dapat dinilai):\n");
      for (Finding f : r.notAssessed()) {
        sb.append("  ").append(f.ruleId()).append(f.severity() == Severity.FAIL ? " [blocks CONFORM]" : "")
            .append(": ").append(f.reason() == null ? f.message().en() : f.reason().en()).append('\n');
      }
    }
    sb.append("data used:\n");
    for (ConformityReport.DataUsed d : r.dataUsed()) {
      sb.append("  ").append(d.layer()).append(": ").append(d.title().en());
      if (d.geometryQuality() != null) {
        sb.append("; geometry ").append(d.geometryQuality().toUpperCase(Locale.ROOT));
      }
      if (d.regulation() != null) {
        sb.append("; ").append(d.regulation());
      }
      if (d.date() != null) {
        sb.append("; ").append(d.date());
      }
      if (d.source() != null) {
        sb.append("; source: ").append(d.source());
      }
      sb.append("; coverage: ").append(d.coverage().en()).append('\n');
    }
    return sb.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
  }
}
