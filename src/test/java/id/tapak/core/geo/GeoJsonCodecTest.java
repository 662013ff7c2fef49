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
}
