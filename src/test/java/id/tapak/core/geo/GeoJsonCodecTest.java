package id.tapak.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonCodecTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Geometry parse(String json) {
    return GeoJson.parse(JSON.readTree(json), "geometry");
  }

  private static String write(Geometry g) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      GeoJson.write(g, gen, 7);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void readsPolygonWithHoleInLonLatOrder() {
    Geometry g = parse("{\"type\":\"Polygon\",\"coordinates\":[[[112,-7],[113,-7],[113,-8],[112,-8],[112,-7]],"
        + "[[112.2,-7.2],[112.4,-7.2],[112.4,-7.4],[112.2,-7.4],[112.2,-7.2]]]}");
    assertThat(g).isInstanceOf(Polygon.class);
    assertThat(((Polygon) g).getNumInteriorRing()).isEqualTo(1);
    assertThat(g.getEnvelopeInternal().getMinX()).isEqualTo(112.0); // x is longitude
    assertThat(g.getEnvelopeInternal().getMinY()).isEqualTo(-8.0);
  }

  @Test
  void unclosedRingIsRefusedWithItsPath() {
    assertThatThrownBy(() -> parse("{\"type\":\"Polygon\",\"coordinates\":[[[112,-7],[113,-7],[113,-8],[112,-8]]]}"))
        .isInstanceOf(GeoJson.GeoJsonException.class)
        .hasMessageContaining("geometry.coordinates[0]")
        .hasMessageContaining("not closed");
  }

  @Test
  void tooFewPositionsAndBadPositionsNameTheirPath() {
    assertThatThrownBy(() -> parse("{\"type\":\"Polygon\",\"coordinates\":[[[112,-7],[113,-7],[112,-7]]]}"))
        .hasMessageContaining("at least 4 positions");
    assertThatThrownBy(() -> parse("{\"type\":\"LineString\",\"coordinates\":[[112,-7],[\"x\",-7]]}"))
        .hasMessageContaining("geometry.coordinates[1]");
    assertThatThrownBy(() -> parse("{\"type\":\"Hexagon\",\"coordinates\":[]}"))
        .hasMessageContaining("unknown geometry type");
    assertThatThrownBy(() -> parse("{\"coordinates\":[]}")).hasMessageContaining("geometry.type");
  }

  @Test
  void writesRfc7946RingOrientation() throws Exception {
    // exterior clockwise, hole counter-clockwise on input: the writer must flip both
    Geometry cw = new WKTReader().read(
        "POLYGON((112 -7, 113 -7, 113 -8, 112 -8, 112 -7), (112.2 -7.2, 112.2 -7.4, 112.4 -7.4, 112.4 -7.2, 112.2 -7.2))");
    assertThat(Orientation.isCCW(((Polygon) cw).getExteriorRing().getCoordinates())).isFalse();
    assertThat(Orientation.isCCW(((Polygon) cw).getInteriorRingN(0).getCoordinates())).isTrue();
    JsonNode out = JSON.readTree(write(cw));
    Polygon back = (Polygon) GeoJson.parse(out, "out");
    assertThat(Orientation.isCCW(back.getExteriorRing().getCoordinates())).isTrue();
    assertThat(Orientation.isCCW(back.getInteriorRingN(0).getCoordinates())).isFalse();
    assertThat(back.equalsTopo(cw)).isTrue();
  }

  @Test
  void roundsToSevenDecimals() throws Exception {
    String s = write(new WKTReader().read("POINT(112.123456789 -7.987654321)"));
    assertThat(s).isEqualTo("{\"type\":\"Point\",\"coordinates\":[112.1234568,-7.9876543]}");
  }

  @Test
  void roundTripsEveryType() throws Exception {
    WKTReader r = new WKTReader();
    for (String wkt : new String[] {"POINT (1 2)", "MULTIPOINT ((1 2), (3 4))", "LINESTRING (1 2, 3 4)",
        "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))"}) {
      Geometry g = r.read(wkt);
      Geometry back = GeoJson.parse(JSON.readTree(write(g)), "g");
      assertThat(back.getGeometryType()).as(wkt).isEqualTo(g.getGeometryType());
      assertThat(back.equalsExact(g.norm()) || back.norm().equalsExact(g.norm())).as(wkt).isTrue();
    }
  }

  /**
   * Ordinates are written from the rounded integer exactly as Jackson's shortest-decimal writer writes the rounded
   * double: 2 million values of lon/lat, small and projected magnitudes, with 0 to 9 decimals, digit for digit; and
   * the real West Java plan polygons' coordinates.
   */
  @Test
  void roundedOrdinatesAreWrittenAsTheShortestDecimalOfTheRoundedDouble() {
    JsonMapper fast = JsonMapper.builder().enable(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .build();
    java.util.Random random = new java.util.Random(7946);
    double[] magnitudes = {180, 90, 12, 1, 0.02, 0.0011, 0.0009, 1e-7, 9_999_999, 10_000_001, 700_000, 9_300_000};
    for (int i = 0; i < 2_000_000; i++) {
      int decimals = i % 10;
      double v = (random.nextDouble() * 2 - 1) * magnitudes[(i / 10) % magnitudes.length];
      if (i % 7 == 0) {
        v = Math.round(v * 1e4) / 1e4; // short decimals: trailing zeros to drop
      }
      ByteArrayOutputStream a = new ByteArrayOutputStream();
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (JsonGenerator ga = fast.createGenerator(a); JsonGenerator gb = fast.createGenerator(b)) {
        new GeoJson.Rounding(decimals).write(v, ga);
        double scale = Math.pow(10, decimals);
        gb.writeNumber(Math.round(v * scale) / scale);
      }
      assertThat(a.toString(StandardCharsets.UTF_8)).as("%s with %d decimals", v, decimals)
          .isEqualTo(b.toString(StandardCharsets.UTF_8));
    }
    StringBuilder all = new StringBuilder();
    id.tapak.SharedData.jabarKabkota().scan(f -> {
      for (var c : f.geometry().getCoordinates()) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (JsonGenerator ga = fast.createGenerator(a); JsonGenerator gb = fast.createGenerator(b)) {
          new GeoJson.Rounding(7).write(c.x, ga);
          gb.writeNumber(Math.round(c.x * 1e7) / 1e7);
        }
        if (!a.toString(StandardCharsets.UTF_8).equals(b.toString(StandardCharsets.UTF_8))) {
          all.append(c.x).append(' ');
        }
      }
      return true;
    });
    assertThat(all.toString()).isEmpty();
  }
}
