package id.tapak.core.publish.wms;

import id.tapak.core.publish.render.MapCrs;
import static id.tapak.core.publish.wms.WmsFixture.alpha;
import static id.tapak.core.publish.wms.WmsFixture.decode;
import static id.tapak.core.publish.wms.WmsFixture.opaquePixels;
import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.CrsRegistry;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * GetMap against the WMS test project: decodes the PNG and checks pixels where a known feature is and is not, in
 * both axis orders, web mercator and UTM 49S, styles, background and formats.
 */
class GetMapTest {

  private static final WmsService WMS = WmsFixture.service();
  /** The map window: lon 112.70–112.85, lat -7.40 – -7.25, drawn 300×300 (0.0005° per pixel). */
  private static final String LATLON = "-7.40,112.70,-7.25,112.85";
  private static final String LONLAT = "112.70,-7.40,112.85,-7.25";

  private static BufferedImage map(String layers, String crs, String bbox, String extra) {
    WmsService.Response r = WMS.handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layers
        + "&STYLES=&CRS=" + crs + "&BBOX=" + bbox + "&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE" + extra),
        "http://localhost/wms");
    assertEquals("image/png", r.contentType());
    return decode(r.body());
  }

  /** Pixel of a lon/lat position in the 300×300 map window above. */
  private static int[] px(double lon, double lat) {
    return new int[] {(int) ((lon - 112.70) / 0.0005), (int) ((-7.25 - lat) / 0.0005)};
  }

  @Test
  void epsg4326LatLonDrawsTheEstateWhereItIs() {
    BufferedImage img = map("estates", "EPSG:4326", LATLON, "");
    int[] sier = px(112.749, -7.333); // inside SIER, away from its centred label
    assertTrue(alpha(img, sier[0], sier[1]) > 100, "SIER Rungkut drawn");
    Color c = new Color(img.getRGB(sier[0], sier[1]), true);
    assertTrue(c.getRed() > c.getGreen() && c.getBlue() > c.getGreen(), "estate purple, got " + c);
    int[] empty = px(112.72, -7.38);
    assertEquals(0, alpha(img, empty[0], empty[1]), "nothing south-west of SIER");
  }

  @Test
  void crs84LonLatDrawsTheSameAsEpsg4326LatLon() {
    BufferedImage a = map("estates", "EPSG:4326", LATLON, "");
    BufferedImage b = map("estates", "CRS:84", LONLAT, "");
    assertArrayEquals(a.getRGB(0, 0, 300, 300, null, 0, 300), b.getRGB(0, 0, 300, 300, null, 0, 300));
    assertTrue(opaquePixels(a) > 1000);
  }

  @Test
  void lonLatOrderUnderEpsg4326IsNotTakenAsLatLon() {
    BufferedImage swapped = map("estates", "EPSG:4326", LONLAT, "");
    assertEquals(0, opaquePixels(swapped), "a lon,lat box under EPSG:4326 lies at latitude 112: nothing there");
  }

  @Test
  void wms111SrsEpsg4326IsLonLat() {
    WmsService.Response r = WMS.handle(params("SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=estates&STYLES="
        + "&SRS=EPSG:4326&BBOX=" + LONLAT + "&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE"), "h");
    BufferedImage a = decode(r.body());
    BufferedImage b = map("estates", "CRS:84", LONLAT, "");
    assertArrayEquals(a.getRGB(0, 0, 300, 300, null, 0, 300), b.getRGB(0, 0, 300, 300, null, 0, 300));
  }

  @Test
  void webMercatorTile() {
    double[] sw = merc(112.70, -7.40);
    double[] ne = merc(112.85, -7.25);
    BufferedImage img = map("estates", "EPSG:3857",
        String.format(Locale.ROOT, "%f,%f,%f,%f", sw[0], sw[1], ne[0], ne[1]), "");
    double[] s = merc(112.755, -7.3275);
    int x = (int) ((s[0] - sw[0]) / (ne[0] - sw[0]) * 300);
    int y = (int) ((ne[1] - s[1]) / (ne[1] - sw[1]) * 300);
    assertTrue(alpha(img, x, y) > 100, "SIER drawn in EPSG:3857");
    assertEquals(0, alpha(img, 10, 290));
  }

  @Test
  void utm49South() {
    double[] c = CrsRegistry.transform(4326, 32749).apply(112.755, -7.3275);
    String bbox = String.format(Locale.ROOT, "%f,%f,%f,%f", c[0] - 3000, c[1] - 3000, c[0] + 3000, c[1] + 3000);
    BufferedImage img = map("estates", "EPSG:32749", bbox, "");
    assertTrue(alpha(img, 150, 150) > 100, "SIER centre at the map centre in UTM 49S");
    assertEquals(0, alpha(img, 5, 5), "3 km north-west of the centre is outside SIER");
  }

  @Test
  void spatialPlanUsesPolaRuangColours() {
    BufferedImage img = map("plan", "EPSG:4326", LATLON, "");
    int[] industri = px(112.75, -7.35);
    int[] permukiman = px(112.75, -7.27);
    int[] lindung = px(112.83, -7.33);
    Color i = new Color(img.getRGB(industri[0], industri[1]), true);
    Color p = new Color(img.getRGB(permukiman[0], permukiman[1]), true);
    Color l = new Color(img.getRGB(lindung[0], lindung[1]), true);
    assertTrue(i.getBlue() > i.getGreen() && i.getRed() > i.getGreen(), "industry purple: " + i);
    assertTrue(p.getRed() > 200 && p.getGreen() > 150 && p.getBlue() < 120, "settlement yellow-orange: " + p);
    assertTrue(l.getGreen() > l.getRed() && l.getGreen() < 130, "protection forest dark green: " + l);
  }

  @Test
  void namedSldStyleFromTheLayerConfig() {
    BufferedImage img = map("plan", "EPSG:4326", LATLON, "&STYLES=industri_saja");
    int[] industri = px(112.75, -7.35);
    int[] permukiman = px(112.75, -7.27);
    Color i = new Color(img.getRGB(industri[0], industri[1]), true);
    assertEquals(new Color(255, 0, 0, 255), i, "SLD fill #FF0000");
    assertEquals(0, alpha(img, permukiman[0], permukiman[1]), "else rule draws only a dashed outline");
  }

  @Test
  void severalLayersDrawInOrderAndBackgroundColour() {
    BufferedImage img = map("plan,estates", "EPSG:4326", LATLON, "&STYLES=,&TRANSPARENT=FALSE&BGCOLOR=0x123456");
    int[] sier = px(112.749, -7.333);
    Color c = new Color(img.getRGB(sier[0], sier[1]));
    int[] outside = px(112.88, -7.39);
    assertEquals(0x123456, img.getRGB(Math.min(299, outside[0]), outside[1]) & 0xFFFFFF, "BGCOLOR");
    assertTrue(c.getBlue() > 100, "estate drawn over the plan: " + c);
  }

  @Test
  void antialiasFullSoftensHairlineOutlines() {
    BufferedImage fast = map("plan", "CRS:84", LONLAT, "");
    BufferedImage full = map("plan", "CRS:84", LONLAT, "&ANTIALIAS=FULL");
    assertTrue(distinctColours(full) > distinctColours(fast), "antialiased outlines add intermediate shades");
    assertEquals("InvalidParameterValue", org.junit.jupiter.api.Assertions.assertThrows(WmsException.class,
        () -> map("plan", "CRS:84", LONLAT, "&ANTIALIAS=maybe")).code());
  }

  private static long distinctColours(BufferedImage img) {
    return java.util.Arrays.stream(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()))
        .distinct().count();
  }

  @Test
  void jpegAndLabels() {
    WmsService.Response r = WMS.handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ports,estates&STYLES=,"
        + "&CRS=CRS:84&BBOX=" + LONLAT + "&WIDTH=200&HEIGHT=100&FORMAT=image/jpeg"), "http://localhost/wms");
    assertEquals("image/jpeg", r.contentType());
    BufferedImage img = decode(r.body());
    assertEquals(200, img.getWidth());
    assertEquals(100, img.getHeight());
    // labels: the estates' names are drawn with a white halo, a colour neither their fill nor their outline has;
    // far out (beyond the label scale) the same estates are drawn without names
    int near = haloPixels("112.70,-7.40,112.85,-7.25", 600, 600);
    int far = haloPixels("110.0,-9.0,116.0,-5.0", 600, 400);
    assertTrue(near > 30, "label halo pixels near: " + near);
    assertEquals(0, far, "no labels beyond the label scale");
  }

  /** Pixels of a transparent PNG of the estates that are near-white: only a label's halo paints them. */
  static int haloPixels(String bbox, int w, int h) {
    BufferedImage img = decode(WMS.handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=estates&STYLES="
        + "&CRS=CRS:84&BBOX=" + bbox + "&WIDTH=" + w + "&HEIGHT=" + h + "&FORMAT=image/png&TRANSPARENT=TRUE"),
        "http://localhost/wms").body());
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int argb = img.getRGB(x, y);
        if ((argb >>> 24) > 100 && ((argb >> 16) & 255) > 200 && ((argb >> 8) & 255) > 200 && (argb & 255) > 200) {
          n++;
        }
      }
    }
    return n;
  }

  static double[] merc(double lon, double lat) {
    double[] xy = {lon, lat};
    MapCrs.WEB_MERCATOR.projection().forward(xy, 1);
    return xy;
  }
}
