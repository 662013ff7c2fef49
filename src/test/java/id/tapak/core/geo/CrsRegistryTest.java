package id.tapak.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * proj4j against GDAL 3.6 / PROJ 9.1. Expected values from {@code echo "lon lat" | gdaltransform -s_srs EPSG:4326
 * -t_srs EPSG:xxxx -output_xy}, compared to the millimetre.
 */
class CrsRegistryTest {

  static final Offset<Double> MM = Offset.offset(0.0005);

  @ParameterizedTest(name = "({0}, {1}) -> EPSG:{2}")
  @CsvSource({
      // Surabaya, the reference point
      "112.75, -7.25, 32749, 693213.880664659, 9198241.89146496",
      "112.75, -7.25, 23836, 227606.167770155, 698366.240357026",
      "112.75, -7.25, 3857, 12551272.5869416, -809228.686981245",
      // Banda Aceh (a northern UTM zone), Jakarta (TM-3 48.2), Jayapura (TM-3 54.1, the last zone)
      "95.3, 5.55, 32646, 754808.240206818, 613955.817134073",
      "106.8, -6.2, 23834, 233198.638959281, 814471.853430309",
      "140.7, -2.53, 23845, 333450.487122818, 1220211.53699917"})
  void matchesGdalToTheMillimetre(double lon, double lat, int epsg, double x, double y) {
    double[] p = CrsRegistry.transform(CrsRegistry.WGS84, epsg).apply(lon, lat);
    assertThat(p[0]).isCloseTo(x, MM);
    assertThat(p[1]).isCloseTo(y, MM);
    double[] back = CrsRegistry.transform(epsg, CrsRegistry.WGS84).apply(p[0], p[1]);
    assertThat(back[0]).isCloseTo(lon, Offset.offset(1e-9));
    assertThat(back[1]).isCloseTo(lat, Offset.offset(1e-9));
  }

  static int[] supported() {
    return CrsRegistry.supported().stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest(name = "EPSG:{0}")
  @MethodSource("supported")
  void everySupportedCrsRoundTripsInsideItsZone(int epsg) {
    double lon = insideZone(epsg);
    double lat = epsg >= 32600 && epsg < 32700 ? 3.5 : -7.25;
    double[] p = CrsRegistry.transform(CrsRegistry.WGS84, epsg).apply(lon, lat);
    assertThat(p[0]).isFinite();
    double[] back = CrsRegistry.transform(epsg, CrsRegistry.WGS84).apply(p[0], p[1]);
    // 1e-9 degrees is about 0.1 mm
    assertThat(back[0]).as("lon").isCloseTo(lon, Offset.offset(1e-9));
    assertThat(back[1]).as("lat").isCloseTo(lat, Offset.offset(1e-9));
  }

  /** A longitude 1.2 degrees east of the zone's central meridian (UTM zones are 6 degrees wide, TM-3 zones 3). */
  static double insideZone(int epsg) {
    if (epsg >= 32600 && epsg <= 32760) {
      return -183 + 6 * (epsg % 100) + 1.2;
    }
    if (epsg >= 23830 && epsg <= 23845) {
      return 94.5 + 3 * (epsg - 23830) + 1.2;
    }
    return 112.75;
  }

  @Test
  void dgn95IsANullTransformationFromWgs84() {
    assertThat(CrsRegistry.transform(4755, CrsRegistry.WGS84).isIdentity()).isTrue();
    assertThat(CrsRegistry.transform(CrsRegistry.WGS84, CrsRegistry.WGS84).isIdentity()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "EPSG:4326, 4326", "epsg:32749, 32749", "CRS:84, 4326", "OGC:CRS84, 4326", "' 4326 ', 4326",
      "urn:ogc:def:crs:EPSG::32749, 32749", "urn:ogc:def:crs:EPSG:6.3:23836, 23836",
      "urn:ogc:def:crs:OGC:1.3:CRS84, 4326", "http://www.opengis.net/def/crs/EPSG/0/3857, 3857",
      "http://www.opengis.net/def/crs/OGC/1.3/CRS84, 4326", "EPSG:4755, 4755", "EPSG:23845, 23845"})
  void parsesCodesUrnsAndUris(String text, int epsg) {
    assertThat(CrsRegistry.parse(text)).isEqualTo(epsg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EPSG:2154", "EPSG:32755", "EPSG:23846", "urn:ogc:def:crs:EPSG::4258"})
  void unsupportedCodesAreRefusedWithTheList(String text) {
    assertThatThrownBy(() -> CrsRegistry.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported CRS 'EPSG:")
        .hasMessageContaining("EPSG:32746-32754 (UTM)").hasMessageContaining("EPSG:23830-23845 (TM-3)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"WGS84", "EPSG:", "utm49s", ""})
  void malformedCodesAreRefused(String text) {
    assertThatThrownBy(() -> CrsRegistry.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unrecognised CRS '" + text + "'");
  }

  @Test
  void utmZoneForIndonesianPositions() {
    assertThat(CrsRegistry.utmZoneFor(112.75, -7.25)).isEqualTo(32749);
    assertThat(CrsRegistry.utmZoneFor(95.3, 5.55)).isEqualTo(32646);
    assertThat(CrsRegistry.utmZoneFor(140.7, -2.53)).isEqualTo(32754);
  }
}
