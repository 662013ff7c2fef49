package id.tapak.core.publish.wms;

import id.tapak.core.catalog.LayerFeatures;
import id.tapak.core.publish.render.TileCache;
import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.FieldMapping;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.style.DefaultStyles;
import id.tapak.core.publish.style.StyleRule;
import id.tapak.core.publish.style.Symbolizer;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Small polygons at full extent: the 5,291 Kawasan Perlindungan Setempat polygons of the real West Java RTRW
 * (../shared/data/rtrw_jabar_kkpr, river and coast corridors, most of them a few hundred metres wide) drawn at the
 * layer's full extent, 512 px wide. A polygon only a few pixels across is mostly outline: drawn with its dark outline
 * it becomes a dark blob that hides its class colour. Measured as the pixels painted exactly in an outline colour of
 * the style, as a share of the drawn pixels: 100% (3,151 of 3,151) before polygons that are mostly outline were
 * outlined in their fill colour, 0% after.
 */
class FeaturePainterBlobsTest {

  private static Layer layer;
  private static WmsService wms;

  @BeforeAll
  static void load() {
    Path data = Path.of("../shared/data/rtrw_jabar_kkpr");
    LayerSpec spec = new LayerSpec("ps", LocalizedText.of("Perlindungan setempat", "Local protection"),
        LayerRole.SPATIAL_PLAN, new SourceSpec(SourceType.GEOPACKAGE, "rtrwp_jabar_polaruang_layers.gpkg",
            "kawasan_perlindungan_setempat", null), new FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null),
        null, null, null);
    Path projectFile = data.resolve("tapak.yml");
    layer = CatalogLoader.loadLayer(projectFile, spec, data);
    Catalog catalog = new Catalog(new ProjectFile(new ProjectInfo("jabar", LocalizedText.of("Jabar", "Jabar")),
        List.of(spec), null), projectFile, List.of(layer));
    wms = new WmsService(new WmsLayers(catalog), 4096, 4096, new TileCache(0));
  }

  static double outlineShare(String antialias) throws Exception {
    Envelope e = layer.bbox();
    int w = 512;
    int h = (int) Math.round(w * e.getHeight() / e.getWidth());
    String q = String.format(Locale.ROOT, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ps&STYLES=&CRS=CRS:84"
        + "&BBOX=%.6f,%.6f,%.6f,%.6f&WIDTH=%d&HEIGHT=%d&FORMAT=image/png&TRANSPARENT=TRUE&ANTIALIAS=%s",
        e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), w, h, antialias);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(wms.handle(WmsFixture.params(q), "http://h/wms").body()));
    Set<Integer> outlines = new HashSet<>();
    for (StyleRule r : DefaultStyles.forRole(LayerRole.SPATIAL_PLAN, layer.spec().fields()).rules()) {
      for (Symbolizer s : r.symbolizers()) {
        if (s instanceof Symbolizer.Polygon p && p.stroke() != null) {
          outlines.add(p.stroke().getRGB() & 0xFFFFFF);
        }
      }
    }
    int drawn = 0;
    int outline = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int argb = img.getRGB(x, y);
        if ((argb >>> 24) == 0) {
          continue;
        }
        drawn++;
        if (outlines.contains(argb & 0xFFFFFF)) {
          outline++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "FeaturePainterBlobsTest: ANTIALIAS=%s %d drawn pixels, %d in an outline colour "
        + "(%.1f%%)%n", antialias, drawn, outline, 100.0 * outline / drawn);
    return (double) outline / drawn;
  }

  @Test
  void smallPolygonsKeepTheirClassColour() throws Exception {
    assertThat(LayerFeatures.all(layer)).hasSizeGreaterThan(5000);
    double share = outlineShare("FAST");
    assertThat(share).as("share of drawn pixels painted in an outline colour").isLessThan(0.25);
  }
}
