package id.tapak.core.publish.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.FeatureQuery;
import id.tapak.core.model.TapakException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

class ItemsRequestTest {

  @Test
  void absentParametersGiveDefaults() {
    FeatureQuery q = ItemsRequest.parse("estates", null, null, null).query();
    assertNull(q.bbox());
    assertEquals(FeatureQuery.DEFAULT_LIMIT, q.limit());
    assertEquals(0, q.offset());
    FeatureQuery blank = ItemsRequest.parse("estates", " ", "", "").query();
    assertEquals(FeatureQuery.DEFAULT_LIMIT, blank.limit());
  }

  @Test
  void bboxIsLonLatMinMax() {
    Envelope e = ItemsRequest.bbox("112.6, -7.4,112.8,-7.2");
    assertEquals(new Envelope(112.6, 112.8, -7.4, -7.2), e);
  }

  @Test
  void sixNumberBboxDropsHeights() {
    assertEquals(new Envelope(112.6, 112.8, -7.4, -7.2), ItemsRequest.bbox("112.6,-7.4,-10,112.8,-7.2,500"));
  }

  @Test
  void largeLimitIsClampedAndLargeOffsetSaturates() {
    assertEquals(FeatureQuery.MAX_LIMIT, ItemsRequest.limit("10001"));
    assertEquals(FeatureQuery.MAX_LIMIT, ItemsRequest.limit("99999999999999999999"));
    assertEquals(7, ItemsRequest.limit("7"));
    assertEquals(Integer.MAX_VALUE, ItemsRequest.offset("99999999999"));
    assertEquals(12, ItemsRequest.offset("12"));
  }

  @Test
  void boxAcrossTheAntimeridianIsTwoBoxes() {
    ItemsRequest r = ItemsRequest.parse("estates", "177,65,-177,70", null, null);
    assertEquals(new Envelope(177, 180, 65, 70), r.query().bbox());
    assertEquals(new Envelope(-180, -177, 65, 70), r.eastPart());
  }

  @Test
  void epsg4326BoxIsLatitudeFirstAndAProjectedBoxIsTransformed() {
    ItemsRequest lat = ItemsRequest.parse("estates", java.util.Map.of("bbox", "-7.4,112.6,-7.2,112.8",
        "bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4326"));
    assertEquals(new Envelope(112.6, 112.8, -7.4, -7.2), lat.query().bbox());
    // UTM 49S metres around Surabaya: 112.75E 7.25S is about (693 000, 9 198 000)
    ItemsRequest utm = ItemsRequest.parse("estates", java.util.Map.of("bbox", "690000,9195000,700000,9200000",
        "bbox-crs", "EPSG:32749"));
    Envelope e = utm.query().bbox();
    assertTrue(e.getMinX() > 112.7 && e.getMaxX() < 112.9 && e.getMinY() > -7.3 && e.getMaxY() < -7.2, e.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo|bar", "crs|EPSG:9999", "crs|nonsense", "bbox-crs|EPSG:2000", "filter-lang|sql"})
  void unknownParametersAndBadCrsAreRefusedNamingThem(String param, String value) {
    TapakException e = assertThrows(TapakException.class,
        () -> ItemsRequest.parse("estates", java.util.Map.of(param, value)));
    assertEquals(TapakException.Kind.BAD_REQUEST, e.kind());
    assertEquals(param, e.field());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bbox|1,2,3", "bbox|a,b,c,d", "bbox|1,2,3,4,5", "bbox|112,-7,NaN,-6", "bbox|112,-7,Infinity,-6",
      "bbox|112,-7,113,-8", "bbox|112,-95,113,-6", "bbox|112,-7,181,-6", "bbox|1,2,3,4d",
      "bbox|1,,3,4",
      "limit|0", "limit|-1", "limit|abc", "limit|1.5", "limit|1e3",
      "offset|-1", "offset|x", "offset|2.0"})
  void badValuesAreRefusedNamingTheParameter(String param, String value) {
    TapakException e = assertThrows(TapakException.class, () -> ItemsRequest.parse("estates",
        param.equals("bbox") ? value : null, param.equals("limit") ? value : null,
        param.equals("offset") ? value : null));
    assertEquals(TapakException.Kind.BAD_REQUEST, e.kind());
    assertEquals(param, e.field());
    assertTrue(e.getMessage().contains(param), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"2024-02-12", "2024-02-12T23:20:50Z", "2024-02-12T23:20:50+07:00",
      "2024-01-01T00:00:00Z/2024-12-31T00:00:00Z", "../2024-12-31", "2024-01-01/..", "2024-01-01/"})
  void datetimeFormsOfPart1AreAccepted(String value) {
    ItemsRequest.checkDatetime(value);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"yesterday", "2024-13-01", "2024-02-12T25:00:00Z", "../..", "a/b/c",
      "2024-02-12T10:00"})
  void badDatetimeIsRefusedNamingIt(String value) {
    TapakException e = assertThrows(TapakException.class,
        () -> ItemsRequest.parse("estates", null, null, null, value));
    assertEquals("datetime", e.field());
  }

  @Test
  void echoedValuesAreShortened() {
    String huge = "x".repeat(5000);
    TapakException e = assertThrows(TapakException.class, () -> ItemsRequest.limit(huge));
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }
}
