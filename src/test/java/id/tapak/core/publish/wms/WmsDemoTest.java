package id.tapak.core.publish.wms;

import id.tapak.core.catalog.LayerFeatures;
import id.tapak.core.publish.render.TileCache;
import static id.tapak.core.publish.wms.WmsFixture.alpha;
import static id.tapak.core.publish.wms.WmsFixture.decode;
import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The bundled demo (layers/tapak.yml): GetMap in EPSG:4326 (lat,lon BBOX) draws every operating estate where it is,
 * at a pixel inside its polygon, and nothing at a pixel outside all of them; every demo layer renders and has a
 * legend.
 */
class WmsDemoTest {

  private static Catalog demo;
  private static WmsService wms;

  @BeforeAll
  static void load() {
    demo = CatalogLoader.load(Path.of("layers/tapak.yml"));
    wms = new WmsService(new WmsLayers(demo), 4096, 4096, new TileCache(0));
  }

  @Test
  void estatesAreDrawnWhereTheyAre() {
    Layer estates = demo.layers(LayerRole.ESTATE).get(0);
    Envelope b = new Envelope(estates.bbox());
    b.expandBy(0.02);
    int w = 800;
    int h = (int) Math.round(w * b.getHeight() / b.getWidth());
    String bbox = String.format(Locale.ROOT, "%f,%f,%f,%f", b.getMinY(), b.getMinX(), b.getMaxY(), b.getMaxX());
    BufferedImage img = decode(wms.handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + estates.id()
        + "&STYLES=&CRS=EPSG:4326&BBOX=" + bbox + "&WIDTH=" + w + "&HEIGHT=" + h + "&FORMAT=image/png"
        + "&TRANSPARENT=TRUE"), "h").body());
    assertFalse(LayerFeatures.all(estates).isEmpty());
    for (Feature f : LayerFeatures.all(estates)) {
      Point p = f.geometry().getInteriorPoint();
      int x = (int) ((p.getX() - b.getMinX()) / b.getWidth() * w);
      int y = (int) ((b.getMaxY() - p.getY()) / b.getHeight() * h);
      assertTrue(alpha(img, x, y) > 0, "estate " + f.id() + " drawn at pixel " + x + "," + y);
    }
    // the bbox margin holds no estate: its corner pixel stays transparent
    assertTrue(alpha(img, 1, 1) == 0, "nothing drawn in the empty corner");
  }

  @Test
  void exampleSldsStyleTheDemoLayers() throws Exception {
    for (String[] c : new String[][] {{"estates", "estates_status.sld"}, {"rtrw_pola_ruang", "pola_ruang_atr.sld"}}) {
      Layer l = demo.layer(c[0]).orElseThrow();
      String sld = java.nio.file.Files.readString(Path.of("layers/styles", c[1]));
      Envelope b = l.bbox();
      String bbox = String.format(Locale.ROOT, "%f,%f,%f,%f", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
      java.util.Map<String, String> m = new java.util.HashMap<>();
      m.put("REQUEST", "GetMap");
      m.put("LAYERS", l.id());
      m.put("STYLES", "");
      m.put("VERSION", "1.3.0");
      m.put("CRS", "CRS:84");
      m.put("BBOX", bbox);
      m.put("WIDTH", "256");
      m.put("HEIGHT", "256");
      m.put("FORMAT", "image/png");
      m.put("TRANSPARENT", "TRUE");
      m.put("SLD_BODY", sld);
      BufferedImage img = decode(wms.handle(WmsParameters.of(m), "h").body());
      assertTrue(WmsFixture.opaquePixels(img) > 0, c[1] + " draws " + c[0]);
    }
  }

  @Test
  void everyDemoLayerRendersAndHasALegend() {
    for (Layer l : demo.layers()) {
      Envelope b = l.bbox();
      String bbox = String.format(Locale.ROOT, "%f,%f,%f,%f", b.getMinX(), b.getMinY(),
          Math.max(b.getMaxX(), b.getMinX() + 0.01), Math.max(b.getMaxY(), b.getMinY() + 0.01));
      BufferedImage img = decode(wms.handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + l.id()
          + "&STYLES=&CRS=CRS:84&BBOX=" + bbox + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"), "h")
          .body());
      assertTrue(WmsFixture.opaquePixels(img) > 0, "layer " + l.id() + " draws something over its own extent");
      decode(wms.handle(params("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=" + l.id()), "h").body());
    }
  }
}
