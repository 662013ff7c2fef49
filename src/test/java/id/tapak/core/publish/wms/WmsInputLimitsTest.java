package id.tapak.core.publish.wms;

import id.tapak.core.publish.render.TileCache;
import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.publish.style.RuleFilter;
import id.tapak.core.publish.style.SldReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile or careless WMS requests get a ServiceException naming the parameter, before any costly work: deep SLDs,
 * huge maps, long layer lists, absurd stroke widths; LIKE without backtracking; the tile cache keyed by the image.
 */
class WmsInputLimitsTest {

  private static final String NS = "xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\"";
  private static final String MAP = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=CRS:84&BBOX=112.745,-7.335,112.765,"
      + "-7.320&FORMAT=image/png";

  private static String sld(String filterAndSymbolizer) {
    return "<StyledLayerDescriptor version=\"1.0.0\" " + NS + "><NamedLayer><Name>estates</Name><UserStyle><Name>s"
        + "</Name><FeatureTypeStyle><Rule>" + filterAndSymbolizer + "</Rule></FeatureTypeStyle></UserStyle>"
        + "</NamedLayer></StyledLayerDescriptor>";
  }

  private static WmsException refused(String query) {
    return assertThrows(WmsException.class, () -> WmsFixture.service().handle(params(query), "http://h/wms"));
  }

  @Test
  void anSldTwentyThousandLevelsDeepIsAnInvalidSldBody() {
    String deep = sld("<ogc:Filter>" + "<ogc:Not>".repeat(20_000) + "<ogc:PropertyIsEqualTo><ogc:PropertyName>status"
        + "</ogc:PropertyName><ogc:Literal>x</ogc:Literal></ogc:PropertyIsEqualTo>" + "</ogc:Not>".repeat(20_000)
        + "</ogc:Filter>");
    WmsException e = refused(MAP + "&LAYERS=estates&STYLES=&WIDTH=64&HEIGHT=64&SLD_BODY=" + deep);
    assertEquals(WmsException.INVALID_PARAMETER, e.code());
    assertEquals("SLD_BODY", e.locator());
    assertTrue(e.getMessage().contains("deeper than " + SldReader.MAX_DEPTH), e.getMessage());
  }

  @Test
  void aStrokeWidthOfABillionPixelsIsRefused() {
    String wide = sld("<LineSymbolizer><Stroke><CssParameter name=\"stroke-width\">1e9</CssParameter></Stroke>"
        + "</LineSymbolizer>");
    WmsException e = refused(MAP + "&LAYERS=estates&STYLES=&WIDTH=64&HEIGHT=64&SLD_BODY=" + wide);
    assertEquals("SLD_BODY", e.locator());
    assertTrue(e.getMessage().contains("stroke-width must be between 0 and 100"), e.getMessage());
  }

  @Test
  void aMapOfOneHundredThousandPixelsSquareIsRefused() {
    WmsException e = refused(MAP + "&LAYERS=estates&STYLES=&WIDTH=100000&HEIGHT=100000");
    assertEquals(WmsException.INVALID_PARAMETER, e.code());
    assertEquals("WIDTH", e.locator());
  }

  @Test
  void twentyThousandLayersAreRefusedBeforeDrawing() {
    String many = String.join(",", java.util.Collections.nCopies(20_000, "estates"));
    WmsException e = refused(MAP + "&LAYERS=" + many + "&STYLES=&WIDTH=64&HEIGHT=64");
    assertEquals("LAYERS", e.locator());
    WmsException s = refused(MAP + "&LAYERS=estates&STYLES=" + ",".repeat(GetMapRequest.MAX_LAYERS) + "&WIDTH=64"
        + "&HEIGHT=64");
    assertEquals("STYLES", s.locator());
  }

  @Test
  void likeWithManyWildcardsMatchesWithoutBacktracking() {
    // "* * * * * * *#" over a long text without '#': a backtracking regex tries every split of the spaces
    RuleFilter.Like like = RuleFilter.Like.of("k", "* * * * * * *#", '*', '?', '!');
    String words = "kawasan industri ".repeat(200);
    assertFalse(like.test(Map.of("k", words)));
    assertTrue(like.test(Map.of("k", words + "#")));
    RuleFilter.Like single = RuleFilter.Like.of("k", "a?c*e!*", '*', '?', '!');
    assertTrue(single.test(Map.of("k", "abcde*")));
    assertFalse(single.test(Map.of("k", "abcde")));
    assertTrue(RuleFilter.Like.ignoreCase("k", "PLAN*").test(Map.of("k", "planned")));
    assertFalse(RuleFilter.Like.of("k", "PLAN*", '*', '?', '!').test(Map.of("k", "planned")));
    assertTrue(RuleFilter.Like.of("k", "*", '*', '?', '!').test(Map.of("k", "")));
    assertFalse(RuleFilter.Like.of("k", "ab*ba", '*', '?', '!').test(Map.of("k", "aba")));
  }

  @Test
  void junkParametersAndCaseDoNotMakeNewTiles() {
    WmsService wms = WmsFixture.service(WmsFixture.EMPTY, 1 << 20);
    String q = MAP + "&LAYERS=estates&STYLES=&WIDTH=32&HEIGHT=32";
    byte[] first = wms.handle(params(q), "http://h/wms").body();
    byte[] again = wms.handle(params(q.toLowerCase(java.util.Locale.ROOT).replace("layers=estates", "LAYERS=estates")
        .replace("crs:84", "CRS:84").replace("image/png", "png") + "&junk=1&EXCEPTIONS=XML"), "http://h/wms").body();
    assertEquals(1, wms.cache().size(), "one image, one entry");
    assertEquals("1/1", wms.cache().stats());
    assertArrayEquals(first, again);
  }

  @Test
  void theTileCacheStaysWithinItsBytes() {
    TileCache cache = new TileCache(10_000);
    for (int i = 0; i < 100; i++) {
      cache.put("tile" + i, 1, new byte[1_000]);
      assertTrue(cache.bytes() <= 10_000, "held " + cache.bytes());
    }
    int expected = 10_000 / (1_000 + TileCache.ENTRY_OVERHEAD + 2 * "tile99".length());
    assertEquals(expected, cache.size());
    assertTrue(cache.get("tile99", 1) != null && cache.get("tile0", 1) == null, "least recently used go first");
    cache.put("huge", 1, new byte[20_000]);
    assertTrue(cache.get("huge", 1) == null, "an image larger than the whole cache is not kept");
  }

  @Test
  void aMapThatOutrunsItsBudgetIsAServiceExceptionAndIsNotCached() {
    WmsService wms = new WmsService(new WmsLayers(WmsFixture.CATALOG), 4096, 4096,
        new TileCache(1 << 20), ServiceContact.DEFAULT, java.time.Duration.ofNanos(1));
    WmsException e = assertThrows(WmsException.class, () -> wms.handle(params(MAP + "&LAYERS=estates&STYLES="
        + "&WIDTH=32&HEIGHT=32"), "http://h/wms"));
    assertEquals(WmsException.NO_APPLICABLE_CODE, e.code());
    assertTrue(e.getMessage().contains("time budget"), e.getMessage());
    assertEquals(0, wms.cache().size());
  }
}
