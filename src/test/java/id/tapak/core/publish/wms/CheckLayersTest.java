package id.tapak.core.publish.wms;

import static id.tapak.core.publish.wms.WmsFixture.alpha;
import static id.tapak.core.publish.wms.WmsFixture.decode;
import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.rulebook.Verdict;
import id.tapak.core.store.SqliteCheckStore;
import id.tapak.core.store.StoredCheckFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The check layers (sites by verdict, conflicts by status, CHECK_ID) read from a real SQLite check store, and the
 * tile cache invalidated by a check stored or deleted.
 */
class CheckLayersTest {

  private static final String MAP = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=CRS:84"
      + "&BBOX=112.0,-8.0,113.0,-7.0&WIDTH=100&HEIGHT=100&FORMAT=image/png&TRANSPARENT=TRUE";

  @TempDir
  Path dir;

  private static Geometry box(double lon, double lat) {
    return GeoJson.FACTORY.toGeometry(new Envelope(lon, lon + 0.1, lat, lat + 0.1));
  }

  @Test
  void sitesByVerdictConflictsByStatusAndCheckIdFilter() {
    try (SqliteCheckStore checks = SqliteCheckStore.open(dir)) {
      checks.save(StoredCheckFixture.report("a", "site a", Verdict.CONFORM, 120, box(112.1, -7.9), null)); // x 10–20, y 80–90
      // pixels x 60–70, y 30–40; its LP2B conflict at x 80–90, y 10–20
      checks.save(StoredCheckFixture.report("b", "site b", Verdict.NOT_CONFORM, 120, box(112.6, -7.4),
          box(112.8, -7.2)));
      WmsService wms = WmsFixture.service(checks, 0);
      BufferedImage all = decode(wms.handle(params(MAP + "&LAYERS=checks"), "h").body());
      Color conform = new Color(all.getRGB(13, 86), true);
      Color notConform = new Color(all.getRGB(63, 36), true);
      assertTrue(conform.getGreen() > conform.getRed(), "CONFORM green: " + conform);
      assertTrue(notConform.getRed() > notConform.getGreen(), "NOT_CONFORM red: " + notConform);
      assertTrue(alpha(all, 85, 15) > 100, "conflict drawn");
      BufferedImage onlyB = decode(wms.handle(params(MAP + "&LAYERS=check_sites&CHECK_ID=b"), "h").body());
      assertEquals(0, alpha(onlyB, 13, 86), "CHECK_ID=b hides check a");
      assertTrue(alpha(onlyB, 63, 36) > 100);
      assertEquals(0, alpha(onlyB, 85, 15), "check_sites alone draws no conflicts");
      BufferedImage conflictsOfA = decode(wms.handle(params(MAP + "&LAYERS=check_conflicts&CHECK_ID=a"), "h")
          .body());
      assertEquals(0, alpha(conflictsOfA, 85, 15), "check a has no conflict");
    }
  }

  @Test
  void cacheServesRepeatsAndIsClearedWhenACheckIsStoredOrDeleted() {
    try (SqliteCheckStore checks = SqliteCheckStore.open(dir)) {
      WmsService wms = WmsFixture.service(checks, 1 << 20);
      byte[] first = wms.handle(params(MAP + "&LAYERS=checks,estates"), "h").body();
      assertTrue(first == wms.handle(params(MAP.replace("REQUEST", "request") + "&layers=checks,estates"), "h")
          .body(), "same request, any parameter case: served from the cache");
      checks.save(StoredCheckFixture.report("c", "site c", Verdict.CONFORM, 120, box(112.1, -7.9), null));
      byte[] after = wms.handle(params(MAP + "&LAYERS=checks,estates"), "h").body();
      assertTrue(first != after, "a stored check clears the cache");
      assertTrue(alpha(decode(after), 13, 86) > 100, "the new check is drawn, not a stale tile");
      assertTrue(checks.delete("c"));
      byte[] deleted = wms.handle(params(MAP + "&LAYERS=checks,estates"), "h").body();
      assertTrue(deleted != after, "a deleted check clears the cache");
      org.junit.jupiter.api.Assertions.assertArrayEquals(first, deleted, "the map as before the check, not a stale "
          + "tile");
      WmsService off = WmsFixture.service(checks, 0);
      assertTrue(off.handle(params(MAP + "&LAYERS=estates"), "h").body()
          != off.handle(params(MAP + "&LAYERS=estates"), "h").body(), "a tile cache of 0 bytes is disabled");
    }
  }

  @Test
  void legendGraphic() {
    WmsService wms = WmsFixture.service();
    WmsService.Response r = wms.handle(params("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=plan&FORMAT=image/png"),
        "h");
    BufferedImage img = decode(r.body());
    int rules = 19; // 18 pola-ruang classes and "other"
    assertEquals(rules * LegendRenderer.ROW + 4, img.getHeight());
    assertTrue(alpha(img, 5, 5) > 0, "first swatch drawn");
    assertEquals("StyleNotDefined", org.junit.jupiter.api.Assertions.assertThrows(WmsException.class,
        () -> wms.handle(params("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=plan&STYLE=x"), "h")).code());
  }
}
