package id.tapak.core.publish.wms;

import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** GetFeatureInfo: I/J to the feature under it (both axis orders, mercator), counts and the three formats. */
class GetFeatureInfoTest {

  private static final WmsService WMS = WmsFixture.service();
  /** 300×300 over lon 112.70–112.85, lat -7.40 – -7.25: 0.0005° per pixel. SIER is at I 90–130, J 170–200. */
  private static final String BASE = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&STYLES=&WIDTH=300&HEIGHT=300"
      + "&FORMAT=image/png";

  private static String info(String q) {
    WmsService.Response r = WMS.handle(params(BASE + q), "http://h/wms");
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void jsonFindsTheEstateUnderThePixelInBothAxisOrders() {
    String a = info("&LAYERS=estates&QUERY_LAYERS=estates&CRS=EPSG:4326&BBOX=-7.40,112.70,-7.25,112.85"
        + "&I=110&J=155&INFO_FORMAT=application/json");
    String b = info("&LAYERS=estates&QUERY_LAYERS=estates&CRS=CRS:84&BBOX=112.70,-7.40,112.85,-7.25"
        + "&I=110&J=155&INFO_FORMAT=application/json");
    assertTrue(a.startsWith("{\"type\":\"FeatureCollection\""), a);
    assertTrue(a.contains("\"SIER Rungkut\"") && a.contains("\"layer\":\"estates\""), a);
    assertEquals(a, b);
    String miss = info("&LAYERS=estates&QUERY_LAYERS=estates&CRS=CRS:84&BBOX=112.70,-7.40,112.85,-7.25"
        + "&I=10&J=290&INFO_FORMAT=application/json");
    assertEquals("{\"type\":\"FeatureCollection\",\"features\":[]}", miss);
  }

  @Test
  void webMercatorFeatureCountAndSeveralLayers() {
    double[] sw = GetMapTest.merc(112.70, -7.40);
    double[] ne = GetMapTest.merc(112.85, -7.25);
    String bbox = sw[0] + "," + sw[1] + "," + ne[0] + "," + ne[1];
    // pixel 110,155 is on SIER (estates) and on the industry zone (plan)
    String both = info("&LAYERS=plan,estates&QUERY_LAYERS=plan,estates&CRS=EPSG:3857&BBOX=" + bbox
        + "&I=110&J=155&INFO_FORMAT=text/plain&FEATURE_COUNT=5");
    assertTrue(both.contains("Kawasan Peruntukan Industri") && both.contains("SIER Rungkut"), both);
  }

  @Test
  void htmlHasIndonesianThenEnglishHeadings() {
    String html = info("&LAYERS=estates&QUERY_LAYERS=estates&CRS=CRS:84&BBOX=112.70,-7.40,112.85,-7.25"
        + "&I=110&J=155&INFO_FORMAT=text/html");
    assertTrue(html.contains("<th>Atribut / Attribute</th><th>Nilai / Value</th>"), html);
    assertTrue(html.contains("Kawasan industri / Industrial estates"));
  }

  @Test
  void pixelToleranceCatchesAThinRoad() {
    // the toll road runs from (112.70,-7.345) to (112.80,-7.315); at lon 112.75 it is at lat -7.33 → J 160
    String txt = info("&LAYERS=roads&QUERY_LAYERS=roads&CRS=CRS:84&BBOX=112.70,-7.40,112.85,-7.25"
        + "&I=100&J=162&INFO_FORMAT=text/plain");
    assertTrue(txt.contains("REMARK = toll"), txt);
  }
}
