package id.tapak.core.publish.wms;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.store.SqliteCheckStore;
import id.tapak.core.store.StoredChecks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** The WMS test project (src/test/resources/projects/wms) loaded once, and small helpers for the WMS tests. */
final class WmsFixture {

  static final Path PROJECT = Path.of("src/test/resources/projects/wms/tapak.yml");
  static final Catalog CATALOG = CatalogLoader.load(PROJECT);

  private WmsFixture() {}

  /** One empty SQLite check store for the whole run, so the WMS lists the check layers as the service does. */
  static final StoredChecks EMPTY = emptyStore();

  private static StoredChecks emptyStore() {
    try {
      Path dir = Files.createTempDirectory("tapak-wms-checks");
      dir.toFile().deleteOnExit();
      dir.resolve("checks.sqlite").toFile().deleteOnExit();
      return SqliteCheckStore.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WmsService service() {
    return service(EMPTY, 0);
  }

  static WmsService service(StoredChecks checks, long cacheBytes) {
    return new WmsService(new WmsLayers(CATALOG, List.of(checks.sites(), checks.conflicts()), List.of()), 4096, 4096,
        new TileCache(cacheBytes));
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
}
