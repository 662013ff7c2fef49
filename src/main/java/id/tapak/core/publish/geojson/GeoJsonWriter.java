package id.tapak.core.publish.geojson;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes features as RFC 7946 GeoJSON straight to a stream (no intermediate tree), so a page of thousands of
 * polygons costs one pass. Coordinates are EPSG:4326 lon/lat rounded to {@link #DECIMALS} places (about 1 cm).
 * Stateless and thread-safe; each call owns its generator.
 */
public final class GeoJsonWriter {

  /** Decimal places of written coordinates: 1e-7° ≈ 1.1 cm at the equator. */
  public static final int DECIMALS = 7;

  /**
   * Doubles written by Schubfach (Jackson's fast writer): the shortest decimal that reads back as the same double,
   * so the same values as {@link Double#toString} (whose Java 17 version is several times slower and now and then
   * one digit longer). Three fifths of writing a check's report went into formatting coordinates.
   */
  private static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private GeoJsonWriter() {}

  /** Opens a UTF-8 generator on a stream; the caller closes it. */
  public static JsonGenerator generator(OutputStream out) {
    return JSON.createGenerator(out, JsonEncoding.UTF8);
  }

  /** Writes one Feature object: {@code id}, {@code geometry}, {@code properties}. */
  public static void writeFeature(Feature f, JsonGenerator gen) {
    writeFeature(f, gen, DECIMALS);
  }

  /** Writes one Feature object with coordinates rounded to {@code decimals} places (3 for metres). */
  public static void writeFeature(Feature f, JsonGenerator gen, int decimals) {
    writeFeature(f, gen, decimals, null);
  }

  /**
   * Writes one Feature object, the one way every publisher writes one (items, a single item, feature info; the check
   * report through {@link #writeFeature(String, Geometry, JsonGenerator, int, Consumer, Consumer)}): {@code type},
   * {@code id}, {@code geometry} (RFC 7946: lon/lat, exterior rings counter-clockwise, rounded to {@code decimals}
   * places), {@code properties}, then {@code extraMembers} (links, the WMS layer name) when given.
   */
  public static void writeFeature(Feature f, JsonGenerator gen, int decimals,
      @Nullable Consumer<JsonGenerator> extraMembers) {
    writeFeature(f.id(), f.geometry(), gen, decimals, g -> writeMembers(f.properties(), g), extraMembers);
  }

  /**
   * Writes one Feature object of a geometry that is not a layer's {@link Feature} (a check's site, conflict and
   * unassessed parts): as {@link #writeFeature(Feature, JsonGenerator, int, Consumer)}, but {@code properties}
   * writes the members of the properties object (the writer opens and closes it), so derived features may carry
   * arrays.
   */
  public static void writeFeature(String id, Geometry geometry, JsonGenerator gen, int decimals,
      Consumer<JsonGenerator> properties, @Nullable Consumer<JsonGenerator> extraMembers) {
    gen.writeStartObject();
    gen.writeStringProperty("type", "Feature");
    gen.writeStringProperty("id", id);
    gen.writeName("geometry");
    GeoJson.write(geometry, gen, decimals);
    gen.writeName("properties");
    gen.writeStartObject();
    properties.accept(gen);
    gen.writeEndObject();
    if (extraMembers != null) {
      extraMembers.accept(gen);
    }
    gen.writeEndObject();
  }

  /** Writes a property map's members; numbers stay numbers, other values as text. */
  private static void writeMembers(Map<String, @Nullable Object> props, JsonGenerator gen) {
    for (Map.Entry<String, @Nullable Object> e : props.entrySet()) {
      gen.writeName(e.getKey());
      writeValue(e.getValue(), gen);
    }
  }

  /** Writes a scalar attribute value. */
  public static void writeValue(@Nullable Object v, JsonGenerator gen) {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof String s) {
      gen.writeString(s);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      gen.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigInteger bi) {
      gen.writeNumber(bi);
    } else if (v instanceof BigDecimal bd) {
      gen.writeNumber(bd);
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        gen.writeNumber(d);
      } else {
        gen.writeNull(); // JSON has no NaN or Infinity
      }
    } else if (v instanceof Boolean b) {
      gen.writeBoolean(b);
    } else {
      gen.writeString(v.toString());
    }
  }

  /**
   * Writes a FeatureCollection; {@code extraMembers} may add top-level members (numberMatched, links…) after
   * {@code features}.
   */
  public static void writeCollection(Iterable<Feature> features, JsonGenerator gen,
      @Nullable Consumer<JsonGenerator> extraMembers) {
    writeCollection(features, gen, DECIMALS, extraMembers);
  }

  /** As {@link #writeCollection(Iterable, JsonGenerator, Consumer)}, rounding to {@code decimals} places. */
  public static void writeCollection(Iterable<Feature> features, JsonGenerator gen, int decimals,
      @Nullable Consumer<JsonGenerator> extraMembers) {
    writeCollection(gen, g -> {
      for (Feature f : features) {
        writeFeature(f, g, decimals);
      }
    }, extraMembers);
  }

  /**
   * Writes a FeatureCollection whose {@code features} array is filled by {@code features} (one
   * {@link #writeFeature} call per feature), then {@code extraMembers}.
   */
  public static void writeCollection(JsonGenerator gen, Consumer<JsonGenerator> features,
      @Nullable Consumer<JsonGenerator> extraMembers) {
    gen.writeStartObject();
    gen.writeStringProperty("type", "FeatureCollection");
    gen.writeName("features");
    gen.writeStartArray();
    features.accept(gen);
    gen.writeEndArray();
    if (extraMembers != null) {
      extraMembers.accept(gen);
    }
    gen.writeEndObject();
  }
}
