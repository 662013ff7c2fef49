package id.tapak.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * GeographicLib areas and distances against PostGIS 3.3.2 {@code geography} (spheroid), numbers computed once in
 * the local cluster and written here, e.g. {@code SELECT ST_Area(ST_GeomFromText('<wkt>', 4326)::geography) / 1e4}
 * and {@code SELECT ST_Distance(ST_GeogFromText('<a>'), ST_GeogFromText('<b>'))}. The issue asks for 0.1 %; areas and
 * point distances hold to 0.001 %, nearest-point distances to 0.01 %.
 */
class GeodesicMeasureTest {

  /** The three ~500 ha proposals of docs/peers.md (geodesic 32-gons of r = 1261.57 m). */
  static final String P1 = "POLYGON((106.611411 -6.719963,106.611199 -6.722189,106.610557 -6.724331,106.609509 -6.726307,106.608095 -6.72804,106.606371 -6.729464,106.604401 -6.730525,106.602263 -6.731181,106.600037 -6.731408,106.59781 -6.731196,106.595668 -6.730554,106.593691 -6.729506,106.591958 -6.728093,106.590533 -6.726369,106.589472 -6.7244,106.588816 -6.722262,106.588589 -6.720037,106.588801 -6.717811,106.589444 -6.715669,106.590492 -6.713693,106.591905 -6.71196,106.59363 -6.710535,106.595599 -6.709475,106.597737 -6.708819,106.599963 -6.708592,106.60219 -6.708804,106.604332 -6.709446,106.606308 -6.710494,106.608042 -6.711907,106.609467 -6.713631,106.610528 -6.7156,106.611184 -6.717738,106.611411 -6.719963))";
  static final String P2 = "POLYGON((107.551392 -6.179945,107.551184 -6.182171,107.550546 -6.184313,107.549502 -6.186289,107.548094 -6.188023,107.546374 -6.189449,107.54441 -6.190512,107.542276 -6.191171,107.540054 -6.191401,107.537831 -6.191193,107.535691 -6.190554,107.533716 -6.18951,107.531983 -6.1881,107.530558 -6.186379,107.529496 -6.184413,107.528837 -6.182278,107.528608 -6.180054,107.528816 -6.177829,107.529454 -6.175687,107.530498 -6.173711,107.531906 -6.171977,107.533626 -6.17055,107.53559 -6.169487,107.537724 -6.168828,107.539946 -6.168599,107.542169 -6.168807,107.544309 -6.169446,107.546284 -6.17049,107.548017 -6.1719,107.549442 -6.173621,107.550504 -6.175587,107.551162 -6.177722,107.551392 -6.179945))";
  static final String P3 = "POLYGON((108.411406 -6.820061,108.411175 -6.822284,108.410514 -6.824419,108.40945 -6.826385,108.408022 -6.828105,108.406286 -6.829513,108.404308 -6.830556,108.402165 -6.831193,108.399938 -6.8314,108.397714 -6.831169,108.395578 -6.830509,108.393612 -6.829445,108.391891 -6.828018,108.390482 -6.826282,108.389439 -6.824306,108.388801 -6.822164,108.388594 -6.819938,108.388825 -6.817715,108.389486 -6.81558,108.390551 -6.813615,108.391978 -6.811895,108.393715 -6.810487,108.395692 -6.809444,108.397835 -6.808807,108.400061 -6.8086,108.402285 -6.808831,108.404422 -6.809491,108.406388 -6.810555,108.408109 -6.811982,108.409518 -6.813717,108.410561 -6.815694,108.411199 -6.817836,108.411406 -6.820061))";
  static final String KI01 = "POLYGON((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52),"
      + " (112.605 -7.515, 112.605 -7.51, 112.61 -7.51, 112.61 -7.515, 112.605 -7.515))";
  static final String TOLL = "LINESTRING(112.55 -7.45, 112.60 -7.47, 112.70 -7.48)";

  static Geometry wkt(String text) {
    try {
      return new WKTReader().read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @ParameterizedTest(name = "{0}: {2} ha")
  @CsvSource(delimiter = ';', value = {
      "P1; POLYGON((106.611411 -6.719963,106.611199 -6.722189,106.610557 -6.724331,106.609509 -6.726307,106.608095 -6.72804,106.606371 -6.729464,106.604401 -6.730525,106.602263 -6.731181,106.600037 -6.731408,106.59781 -6.731196,106.595668 -6.730554,106.593691 -6.729506,106.591958 -6.728093,106.590533 -6.726369,106.589472 -6.7244,106.588816 -6.722262,106.588589 -6.720037,106.588801 -6.717811,106.589444 -6.715669,106.590492 -6.713693,106.591905 -6.71196,106.59363 -6.710535,106.595599 -6.709475,106.597737 -6.708819,106.599963 -6.708592,106.60219 -6.708804,106.604332 -6.709446,106.606308 -6.710494,106.608042 -6.711907,106.609467 -6.713631,106.610528 -6.7156,106.611184 -6.717738,106.611411 -6.719963)); 496.8098053858284",
      "P2; POLYGON((107.551392 -6.179945,107.551184 -6.182171,107.550546 -6.184313,107.549502 -6.186289,107.548094 -6.188023,107.546374 -6.189449,107.54441 -6.190512,107.542276 -6.191171,107.540054 -6.191401,107.537831 -6.191193,107.535691 -6.190554,107.533716 -6.18951,107.531983 -6.1881,107.530558 -6.186379,107.529496 -6.184413,107.528837 -6.182278,107.528608 -6.180054,107.528816 -6.177829,107.529454 -6.175687,107.530498 -6.173711,107.531906 -6.171977,107.533626 -6.17055,107.53559 -6.169487,107.537724 -6.168828,107.539946 -6.168599,107.542169 -6.168807,107.544309 -6.169446,107.546284 -6.17049,107.548017 -6.1719,107.549442 -6.173621,107.550504 -6.175587,107.551162 -6.177722,107.551392 -6.179945)); 496.2225743004242",
      "P3; POLYGON((108.411406 -6.820061,108.411175 -6.822284,108.410514 -6.824419,108.40945 -6.826385,108.408022 -6.828105,108.406286 -6.829513,108.404308 -6.830556,108.402165 -6.831193,108.399938 -6.8314,108.397714 -6.831169,108.395578 -6.830509,108.393612 -6.829445,108.391891 -6.828018,108.390482 -6.826282,108.389439 -6.824306,108.388801 -6.822164,108.388594 -6.819938,108.388825 -6.817715,108.389486 -6.81558,108.390551 -6.813615,108.391978 -6.811895,108.393715 -6.810487,108.395692 -6.809444,108.397835 -6.808807,108.400061 -6.8086,108.402285 -6.808831,108.404422 -6.809491,108.406388 -6.810555,108.408109 -6.811982,108.409518 -6.813717,108.410561 -6.815694,108.411199 -6.817836,108.411406 -6.820061)); 496.1822014801029",
      // fixture estate KI-01: a 488.2511 ha square minus a hole
      "KI-01 with hole; POLYGON((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52), (112.605 -7.515, 112.605 -7.51, 112.61 -7.51, 112.61 -7.515, 112.605 -7.515)); 457.73556851710083",
      "KI-01 shell only; POLYGON((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52)); 488.25109060468674",
      // fixture estate KI-03: two shells, a hole in the second; holes are clockwise here, shells counter-clockwise
      "KI-03 multipolygon; MULTIPOLYGON(((112.66 -7.52, 112.67 -7.52, 112.67 -7.51, 112.66 -7.51, 112.66 -7.52)),((112.68 -7.52, 112.70 -7.52, 112.70 -7.50, 112.68 -7.50, 112.68 -7.52),(112.685 -7.515, 112.685 -7.505, 112.695 -7.505, 112.695 -7.515, 112.685 -7.515))); 488.24972286367415"})
  void areasMatchPostgisGeography(String name, String polygon, double postgisHa) {
    assertThat(GeodesicMeasure.hectares(wkt(polygon))).isCloseTo(postgisHa, withinPercentage(0.001));
  }

  @Test
  void areaIgnoresRingOrientationAndLines() {
    Geometry p1 = wkt(P1);
    assertThat(GeodesicMeasure.hectares(p1.reverse())).isCloseTo(GeodesicMeasure.hectares(p1), within(1e-9));
    assertThat(GeodesicMeasure.hectares(wkt(TOLL))).isZero();
    // the sphere (ST_Area(g, false) = 498.9492 ha) differs by 0.43 %: the ellipsoid matters
    assertThat(GeodesicMeasure.hectares(p1)).isNotCloseTo(498.9492274583927, withinPercentage(0.1));
  }

  @ParameterizedTest(name = "{0}: {5} m")
  @CsvSource({
      "Surabaya to Tanjung Perak, 112.75, -7.25, 112.7336, -7.2011, 5703.19286483",
      "Surabaya to Jakarta, 112.75, -7.25, 106.8456, -6.2088, 662841.26242488"})
  void pointDistancesMatchPostgisGeography(String name, double lonA, double latA, double lonB, double latB,
      double postgisMetres) {
    assertThat(GeodesicMeasure.metres(lonA, latA, lonB, latB)).isCloseTo(postgisMetres, withinPercentage(0.001));
    assertThat(GeodesicMeasure.metres(new Coordinate(lonA, latA), new Coordinate(lonB, latB)))
        .isCloseTo(postgisMetres, withinPercentage(0.001));
  }

  @ParameterizedTest(name = "{0}: {3} m")
  @CsvSource(delimiter = ';', value = {
      "Tanjung Perak to the toll road (point to line); POINT(112.7336 -7.2011); " + TOLL + "; 31066.52915581",
      "a point north of the toll road's bend; POINT(112.62 -7.40); " + TOLL + "; 7923.17337006",
      "KI-01 to KI-02 (polygon to polygon); POLYGON((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52)); POLYGON((112.63 -7.55, 112.65 -7.55, 112.65 -7.53, 112.63 -7.53, 112.63 -7.55)); 1562.4270978",
      "P1 to P2; POLYGON((106.611411 -6.719963,106.611199 -6.722189,106.610557 -6.724331,106.609509 -6.726307,106.608095 -6.72804,106.606371 -6.729464,106.604401 -6.730525,106.602263 -6.731181,106.600037 -6.731408,106.59781 -6.731196,106.595668 -6.730554,106.593691 -6.729506,106.591958 -6.728093,106.590533 -6.726369,106.589472 -6.7244,106.588816 -6.722262,106.588589 -6.720037,106.588801 -6.717811,106.589444 -6.715669,106.590492 -6.713693,106.591905 -6.71196,106.59363 -6.710535,106.595599 -6.709475,106.597737 -6.708819,106.599963 -6.708592,106.60219 -6.708804,106.604332 -6.709446,106.606308 -6.710494,106.608042 -6.711907,106.609467 -6.713631,106.610528 -6.7156,106.611184 -6.717738,106.611411 -6.719963)); POLYGON((107.551392 -6.179945,107.551184 -6.182171,107.550546 -6.184313,107.549502 -6.186289,107.548094 -6.188023,107.546374 -6.189449,107.54441 -6.190512,107.542276 -6.191171,107.540054 -6.191401,107.537831 -6.191193,107.535691 -6.190554,107.533716 -6.18951,107.531983 -6.1881,107.530558 -6.186379,107.529496 -6.184413,107.528837 -6.182278,107.528608 -6.180054,107.528816 -6.177829,107.529454 -6.175687,107.530498 -6.173711,107.531906 -6.171977,107.533626 -6.17055,107.53559 -6.169487,107.537724 -6.168828,107.539946 -6.168599,107.542169 -6.168807,107.544309 -6.169446,107.546284 -6.17049,107.548017 -6.1719,107.549442 -6.173621,107.550504 -6.175587,107.551162 -6.177722,107.551392 -6.179945)); 117394.37769281"})
  void nearestMatchesPostgisGeography(String name, String a, String b, double postgisMetres) {
    GeodesicMeasure.Nearest n = GeodesicMeasure.nearest(wkt(a), wkt(b));
    // measured: within 0.0001 % up to 31 km; 0.0018 % for P1 to P2 (117 km apart); the issue asks for 0.1 %
    assertThat(n.metres()).isCloseTo(postgisMetres, withinPercentage(0.01));
    assertThat(GeodesicMeasure.metres(n.onA(), n.onB())).isEqualTo(n.metres());
    assertThat(GeodesicMeasure.nearest(wkt(b), wkt(a)).metres()).isCloseTo(n.metres(), withinPercentage(0.01));
  }

  @Test
  void nearestIsZeroWhenTouching() {
    assertThat(GeodesicMeasure.nearest(wkt(KI01), wkt("POINT(112.61 -7.505)")).metres()).isZero();
  }

  @Test
  void lengthMatchesPostgisGeography() {
    // SELECT ST_Length(ST_GeogFromText('LINESTRING(112.55 -7.45, 112.60 -7.47, 112.70 -7.48)'))
    assertThat(GeodesicMeasure.lengthMetres(wkt(TOLL))).isCloseTo(17039.126909806648, withinPercentage(0.001));
  }

  @Test
  void destinationInvertsDistance() {
    Coordinate c = GeodesicMeasure.destination(112.75, -7.25, 30, 1000);
    assertThat(GeodesicMeasure.metres(112.75, -7.25, c.x, c.y)).isCloseTo(1000, within(1e-6));
  }

  /**
   * The fast path (authalic sphere, great-circle edges) against GeographicLib's geodesic polygon on every ring of the
   * real West Java kab/kota RTRW (787 dissolved plan polygons, 331 399 vertices, rings of 4 to 13 600 vertices, from
   * a few m² to some 10⁵ ha): measured at most 0.018 m² apart, asserted within 0.05 m² plus 1e-9 of the area; and taken
   * for nearly all rings (the others have an edge longer than 0.01°).
   */
  @Test
  void authalicPathAgreesWithGeographicLibOnARealPlan() {
    java.util.List<org.locationtech.jts.geom.LineString> rings = new java.util.ArrayList<>();
    id.tapak.SharedData.jabarKabkota().scan(f -> {
      Geometry g = f.geometry();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon p) {
          rings.add(p.getExteriorRing());
          for (int h = 0; h < p.getNumInteriorRing(); h++) {
            rings.add(p.getInteriorRingN(h));
          }
        }
      }
      return true;
    });
    int fast = 0;
    for (var ring : rings) {
      double reference = GeodesicMeasure.geographicLibRingArea(ring.getCoordinateSequence());
      double a = GeodesicMeasure.authalicRingArea(ring.getCoordinateSequence());
      if (!Double.isNaN(a)) {
        fast++;
        assertThat(a).as("ring of %d vertices", ring.getNumPoints()).isCloseTo(reference,
            within(1e-9 * reference + 0.05));
      }
    }
    assertThat(rings).hasSizeGreaterThan(787);
    assertThat(fast).as("rings measured by the fast path").isGreaterThan(rings.size() * 9 / 10);
  }

  /** Squares of 0.001° to just under 0.01° a side at 7° S, 30° N and 60° N: the longest edges the fast path measures. */
  @ParameterizedTest(name = "side {0}° at {1}°")
  @CsvSource({"0.001, -7", "0.001, 30", "0.001, 60", "0.005, -7", "0.0099, -7", "0.0099, 30", "0.0099, 60"})
  void authalicPathAgreesWithGeographicLibUpToItsLongestEdge(double side, double lat) {
    Geometry sq = square(110, lat, side);
    var cs = ((org.locationtech.jts.geom.Polygon) sq).getExteriorRing().getCoordinateSequence();
    assertThat(GeodesicMeasure.authalicRingArea(cs)).isNotNaN();
    assertThat(GeodesicMeasure.squareMetres(sq)).isCloseTo(GeodesicMeasure.geographicLibRingArea(cs),
        within(1e-10 * GeodesicMeasure.geographicLibRingArea(cs)));
  }

  /** Long edges, a ring around a pole, across the antimeridian or near a pole: GeographicLib measures them. */
  @Test
  void authalicPathStepsAsideWhereItsBoundDoesNotHold() {
    Geometry wide = square(110, -7, 0.02);
    var cs = ((org.locationtech.jts.geom.Polygon) wide).getExteriorRing().getCoordinateSequence();
    assertThat(GeodesicMeasure.authalicRingArea(cs)).isNaN();
    assertThat(GeodesicMeasure.squareMetres(wide)).isEqualTo(GeodesicMeasure.geographicLibRingArea(cs));
    // 0.005° steps along 85° N all the way round: short edges, but the ring winds around the pole
    StringBuilder polar = new StringBuilder("POLYGON((");
    for (int i = 0; i <= 72_000; i++) {
      polar.append(i == 72_000 ? -180.0 : -180 + i * 0.005).append(" 85,");
    }
    polar.setLength(polar.length() - 1);
    var polarRing = ((org.locationtech.jts.geom.Polygon) wkt(polar + "))")).getExteriorRing().getCoordinateSequence();
    assertThat(GeodesicMeasure.authalicRingArea(polarRing)).isNaN();
    var across = ((org.locationtech.jts.geom.Polygon) wkt("POLYGON((179.995 -16, -179.995 -16, -179.995 -15.995, "
        + "179.995 -15.995, 179.995 -16))")).getExteriorRing().getCoordinateSequence();
    assertThat(GeodesicMeasure.authalicRingArea(across)).isNaN();
    assertThat(GeodesicMeasure.authalicRingArea(((org.locationtech.jts.geom.Polygon) square(10, 89.995, 0.001))
        .getExteriorRing().getCoordinateSequence())).isNaN();
  }

  private static Geometry square(double lon, double lat, double side) {
    return wkt(String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", lon, lat,
        lon + side, lat, lon + side, lat + side, lon, lat + side, lon, lat));
  }

  /**
   * The distances to a large polygon cut down to its boundary near the site are the distances to the whole polygon:
   * 250 sites (32-gons of 100–900 m radius, 0–3 km beyond a polygon's edge, or across it) by the large
   * dissolved polygons of the real West Java kab/kota RTRW; planar distances equal to the last bit, and the nearest
   * points and geodesic metres the same.
   */
  @Test
  void distancesToALargePolygonCutNearTheSiteAreTheWholePolygons() {
    java.util.List<Geometry> large = new java.util.ArrayList<>();
    id.tapak.SharedData.jabarKabkota().scan(f -> {
      if (f.geometry().getNumPoints() >= GeodesicMeasure.LARGE_FOR_DISTANCE) {
        large.add(f.geometry());
      }
      return true;
    });
    assertThat(large).hasSizeGreaterThan(20);
    java.util.Random random = new java.util.Random(4326);
    int apart = 0;
    for (int i = 0; i < 250; i++) {
      Geometry b = large.get(random.nextInt(large.size()));
      Coordinate[] ring = b.getCoordinates();
      Coordinate on = ring[random.nextInt(ring.length)];
      double away = random.nextDouble() * 3000;
      Coordinate centre = GeodesicMeasure.destination(on.x, on.y, random.nextDouble() * 360, away);
      Geometry site = GeoJson.FACTORY.createPoint(centre).buffer(
          (100 + random.nextDouble() * 800) / 111_000.0, 8);
      double planar = GeodesicMeasure.planarDistance(site, b);
      assertThat(planar).as("site %d", i).isEqualTo(site.distance(b));
      GeodesicMeasure.Nearest whole = GeodesicMeasure.nearest(site, b);
      GeodesicMeasure.Nearest cut = GeodesicMeasure.nearest(site, b, planar);
      assertThat(cut.metres()).as("site %d", i).isEqualTo(whole.metres());
      assertThat(cut.onA()).isEqualTo(whole.onA());
      assertThat(cut.onB()).isEqualTo(whole.onB());
      if (planar > 0) {
        apart++;
      }
    }
    assertThat(apart).as("sites apart from their polygon").isGreaterThan(60);
  }
}
