package id.tapak.core.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON (RFC 7946) geometry codec between Jackson trees/generators and JTS. Positions are [x, y] = [lon, lat] for
 * EPSG:4326; a third ordinate is read and dropped. Parsing is strict and every error names the JSON path, so a user
 * who uploads a broken proposal learns where it is broken.
 *
 * <p>Thread-safe.
 */
public final class GeoJson {

  /** The factory every reader shares: geometries carry SRID 4326 and are lon/lat (x = longitude). */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), CrsRegistry.WGS84);

  /**
   * Deepest JSON nesting accepted from a client or a layer file (objects and arrays). A GeoJSON FeatureCollection of
   * MultiPolygons needs 7; properties may nest a little. Deeper input is refused while it is read, before any tree is
   * built, so a body of 100 000 {@code [} costs nothing (Jackson's own default is 500, which a recursive reader of the
   * tree could still overflow on).
   */
  public static final int MAX_JSON_DEPTH = 64;

  /**
   * The JSON mapper every reader of untrusted GeoJSON uses: nesting bounded by {@link #MAX_JSON_DEPTH}; numbers such
   * as {@code 1e999} still parse (to infinity) and are refused where a coordinate or a hectare value is read.
   */
  public static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build()).build()).build();

  private GeoJson() {}

  /** True when a Jackson failure is the nesting limit of {@link #JSON} (to name it rather than say "not JSON"). */
  public static boolean tooDeep(Exception e) {
    return e instanceof tools.jackson.core.exc.StreamConstraintsException;
  }

  /** Thrown for malformed GeoJSON geometry; {@link #path()} is the JSON path of the fault. */
  public static class GeoJsonException extends IllegalArgumentException {
    private final String path;

    public GeoJsonException(String path, String message) {
      super(path + ": " + message);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /**
   * Malformed in a way no reader may skip over (a non-finite coordinate, collections nested too deep): a layer file
   * or upload holding one is refused as a whole, since dropping the feature would silently change the data.
   */
  public static final class RefusedGeometryException extends GeoJsonException {
    public RefusedGeometryException(String path, String message) {
      super(path, message);
    }
  }

  /**
   * Parses a GeoJSON geometry object. Rings must be closed and have at least 4 positions; an unclosed ring is an
   * error (not silently closed) because it usually means a truncated upload.
   *
   * @param node the geometry object
   * @param path JSON path used in error messages, e.g. "features[0].geometry"
   */
  public static Geometry parse(JsonNode node, String path) {
    return parse(node, path, 1);
  }

  private static Geometry parse(JsonNode node, String path, int depth) {
    if (node == null || !node.isObject()) {
      throw new GeoJsonException(path, "a geometry object is required");
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isString()) {
      throw new GeoJsonException(path + ".type", "missing geometry type");
    }
    String type = typeNode.stringValue();
    if (type.equals("GeometryCollection")) {
      JsonNode geoms = node.get("geometries");
      if (geoms == null || !geoms.isArray()) {
        throw new GeoJsonException(path + ".geometries", "an array is required");
      }
      if (depth > GeometryLimits.MAX_GEOMETRY_DEPTH) {
        throw new RefusedGeometryException(path, "GeometryCollections nested deeper than "
            + GeometryLimits.MAX_GEOMETRY_DEPTH + " levels are refused");
      }
      List<Geometry> parts = new ArrayList<>();
      for (int i = 0; i < geoms.size(); i++) {
        parts.add(parse(geoms.get(i), path + ".geometries[" + i + "]", depth + 1));
      }
      return FACTORY.createGeometryCollection(parts.toArray(new Geometry[0]));
    }
    JsonNode c = node.get("coordinates");
    String cp = path + ".coordinates";
    if (c == null || c.isNull()) {
      throw new GeoJsonException(cp, "missing coordinates");
    }
    switch (type) {
      case "Point":
        return FACTORY.createPoint(position(c, cp));
      case "MultiPoint":
        return FACTORY.createMultiPointFromCoords(positions(c, cp, 0));
      case "LineString":
        return FACTORY.createLineString(positions(c, cp, 2));
      case "MultiLineString": {
        array(c, cp);
        LineString[] ls = new LineString[c.size()];
        for (int i = 0; i < ls.length; i++) {
          ls[i] = FACTORY.createLineString(positions(c.get(i), cp + "[" + i + "]", 2));
        }
        return FACTORY.createMultiLineString(ls);
      }
      case "Polygon":
        return polygon(c, cp);
      case "MultiPolygon": {
        array(c, cp);
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = polygon(c.get(i), cp + "[" + i + "]");
        }
        return FACTORY.createMultiPolygon(ps);
      }
      default:
        throw new GeoJsonException(path + ".type", "unknown geometry type '" + type + "'");
    }
  }

  private static Polygon polygon(JsonNode c, String path) {
    array(c, path);
    if (c.size() == 0) {
      return FACTORY.createPolygon();
    }
    LinearRing shell = ring(c.get(0), path + "[0]");
    LinearRing[] holes = new LinearRing[c.size() - 1];
    for (int i = 1; i < c.size(); i++) {
      holes[i - 1] = ring(c.get(i), path + "[" + i + "]");
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode c, String path) {
    Coordinate[] cs = positions(c, path, 0);
    if (cs.length < 4) {
      throw new GeoJsonException(path, "a linear ring needs at least 4 positions, got " + cs.length);
    }
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw new GeoJsonException(path, "ring is not closed: first and last positions differ");
    }
    return FACTORY.createLinearRing(cs);
  }

  private static void array(JsonNode c, String path) {
    if (!c.isArray()) {
      throw new GeoJsonException(path, "an array is required");
    }
  }

  private static Coordinate[] positions(JsonNode c, String path, int min) {
    array(c, path);
    if (c.size() < min) {
      throw new GeoJsonException(path, "at least " + min + " positions are required, got " + c.size());
    }
    Coordinate[] out = new Coordinate[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = position(c.get(i), path + "[" + i + "]");
    }
    return out;
  }

  private static Coordinate position(JsonNode p, String path) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new GeoJsonException(path, "a position [longitude, latitude] of two numbers is required");
    }
    double x = p.get(0).doubleValue();
    double y = p.get(1).doubleValue();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new RefusedGeometryException(path, "coordinates must be finite numbers (no NaN, Infinity or overflowing "
          + "values such as 1e999)");
    }
    return new Coordinate(x, y);
  }

  /**
   * Writes a geometry as a GeoJSON geometry object. Polygon rings are written with RFC 7946 orientation (exterior
   * counter-clockwise, holes clockwise); coordinates are rounded to {@code decimals} places (7 ≈ 1 cm).
   */
  public static void write(Geometry g, JsonGenerator gen, int decimals) {
    write(g, gen, new Rounding(decimals));
  }

  private static void write(Geometry g, JsonGenerator gen, Rounding scale) {
    gen.writeStartObject();
    if (g instanceof GeometryCollection && !(g instanceof MultiPoint) && !(g instanceof MultiLineString)
        && !(g instanceof MultiPolygon)) {
      gen.writeStringProperty("type", "GeometryCollection");
      gen.writeName("geometries");
      gen.writeStartArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        write(g.getGeometryN(i), gen, scale);
      }
      gen.writeEndArray();
      gen.writeEndObject();
      return;
    }
    gen.writeStringProperty("type", g.getGeometryType());
    gen.writeName("coordinates");
    if (g instanceof Point p) {
      if (p.isEmpty()) {
        gen.writeStartArray();
        gen.writeEndArray();
      } else {
        position(p.getCoordinate(), gen, scale);
      }
    } else if (g instanceof LineString l) {
      line(l.getCoordinates(), gen, scale);
    } else if (g instanceof Polygon p) {
      polygon(p, gen, scale);
    } else {
      gen.writeStartArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        if (part instanceof Point p) {
          position(p.getCoordinate(), gen, scale);
        } else if (part instanceof LineString l) {
          line(l.getCoordinates(), gen, scale);
        } else if (part instanceof Polygon p) {
          polygon(p, gen, scale);
        }
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }

  private static void polygon(Polygon p, JsonGenerator gen, Rounding scale) {
    gen.writeStartArray();
    if (!p.isEmpty()) {
      ring(p.getExteriorRing(), true, gen, scale);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring(p.getInteriorRingN(i), false, gen, scale);
      }
    }
    gen.writeEndArray();
  }

  private static void ring(LinearRing r, boolean ccw, JsonGenerator gen, Rounding scale) {
    Coordinate[] cs = r.getCoordinates();
    boolean isCcw = org.locationtech.jts.algorithm.Orientation.isCCW(cs);
    if (isCcw != ccw) {
      cs = cs.clone();
      for (int i = 0, j = cs.length - 1; i < j; i++, j--) {
        Coordinate t = cs[i];
        cs[i] = cs[j];
        cs[j] = t;
      }
    }
    line(cs, gen, scale);
  }

  private static void line(Coordinate[] cs, JsonGenerator gen, Rounding scale) {
    gen.writeStartArray();
    for (Coordinate c : cs) {
      position(c, gen, scale);
    }
    gen.writeEndArray();
  }

  private static void position(Coordinate c, JsonGenerator gen, Rounding scale) {
    gen.writeStartArray();
    scale.write(c.x, gen);
    scale.write(c.y, gen);
    gen.writeEndArray();
  }

  /**
   * Writes ordinates rounded to {@code decimals} places, as the double {@code round(v · 10^d) / 10^d} is written by
   * Jackson's shortest-decimal (Schubfach) writer, but from the rounded integer: the shortest decimal that reads back
   * as that double is the integer with its point moved {@code d} places (trailing zeros dropped, at least one
   * fractional digit), because no other decimal of at most {@code d} places lies within half an ulp of it while the
   * ulp is below 10^-d (for degrees with 7 places it is some 10^-14). Schubfach was a sixth of a live check's time,
   * nearly all of it for coordinates (docs/benchmarks.md, scale (c)). Where Java would write the double otherwise
   * (below 10^-3 or from 10^7 on, in scientific notation) or the bound does not hold, the double is written by
   * Jackson as before. {@code GeoJsonCodecTest} compares both writers digit for digit. One per written geometry (a
   * scratch buffer); not thread-safe.
   */
  static final class Rounding {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};
    private final int decimals;
    private final double scale;
    private final char[] buf = new char[32];

    Rounding(int decimals) {
      this.decimals = decimals;
      this.scale = Math.pow(10, decimals);
    }

    void write(double v, JsonGenerator gen) {
      long m = Math.round(v * scale);
      double rounded = m / scale;
      double a = Math.abs(rounded);
      if (decimals < 1 || decimals >= POW10.length || !(a >= 1e-3 && a < 1e7) || Math.ulp(a) * scale >= 1) {
        gen.writeNumber(rounded);
        return;
      }
      long am = Math.abs(m);
      long whole = am / POW10[decimals];
      long fraction = am % POW10[decimals];
      int n = 0;
      if (m < 0) {
        buf[n++] = '-';
      }
      String w = Long.toString(whole);
      w.getChars(0, w.length(), buf, n);
      n += w.length();
      buf[n++] = '.';
      if (fraction == 0) {
        buf[n++] = '0';
      } else {
        int digits = decimals;
        while (fraction % 10 == 0) {
          fraction /= 10;
          digits--;
        }
        for (int i = n + digits - 1; i >= n; i--) {
          buf[i] = (char) ('0' + fraction % 10);
          fraction /= 10;
        }
        n += digits;
      }
      gen.writeNumber(buf, 0, n);
    }
  }
}
