package id.tapak.core.publish.wms;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.model.Feature;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.rulebook.CheckFeatures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/** The WMS test project (src/test/resources/projects/wms) loaded once, and small helpers for the WMS tests. */
final class WmsFixture {

  static final Path PROJECT = Path.of("src/test/resources/projects/wms/tapak.yml");
  static final Catalog CATALOG = CatalogLoader.load(PROJECT);

  private WmsFixture() {}

  static WmsService service() {
    return service(null, 0);
  }

  static WmsService service(@Nullable CheckFeatures checks, long cacheBytes) {
    return new WmsService(new WmsLayers(CATALOG, () -> checks), 4096, 4096, new TileCache(cacheBytes));
  }

  /** Parameters from "K=V&K=V" (no URL decoding needed in tests). */
  static WmsParameters params(String query) {
    Map<String, String> m = new HashMap<>();
    for (String kv : query.split("&")) {
      int eq = kv.indexOf('=');
      m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
    }
    return WmsParameters.of(m);
  }

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      if (img == null) {
        throw new AssertionError("not a decodable image");
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int alpha(BufferedImage img, int x, int y) {
    return (img.getRGB(x, y) >>> 24) & 255;
  }

  static int opaquePixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (alpha(img, x, y) > 0) {
          n++;
        }
      }
    }
    return n;
  }

  /** An in-memory check store: sites and conflicts added by tests; the version counts additions. */
  static final class MemoryChecks implements CheckFeatures {
    final List<Feature> sites = new ArrayList<>();
    final List<Feature> conflicts = new ArrayList<>();
    final AtomicLong version = new AtomicLong();

    void addSite(Feature f) {
      sites.add(f);
      version.incrementAndGet();
    }

    void addConflict(Feature f) {
      conflicts.add(f);
      version.incrementAndGet();
    }

    @Override
    public List<Feature> sites(@Nullable String checkId, org.locationtech.jts.geom.@Nullable Envelope bbox) {
      return of(sites, checkId, bbox);
    }

    @Override
    public List<Feature> conflicts(@Nullable String checkId, org.locationtech.jts.geom.@Nullable Envelope bbox) {
      return of(conflicts, checkId, bbox);
    }

    private static List<Feature> of(List<Feature> fs, @Nullable String checkId,
        org.locationtech.jts.geom.@Nullable Envelope bbox) {
      return fs.stream().filter(f -> checkId == null || checkId.equals(f.properties().get("check_id")))
          .filter(f -> bbox == null || bbox.intersects(f.geometry().getEnvelopeInternal())).toList();
    }

    @Override
    public long version() {
      return version.get();
    }
  }
}
