package id.tapak.web.wms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WMS settings ({@code tapak.wms.*}).
 *
 * @param maxWidth largest GetMap WIDTH, pixels (default 4096)
 * @param maxHeight largest GetMap HEIGHT, pixels (default 4096)
 * @param cacheSize most rendered images kept in memory; 0 disables the tile cache (default 2000, about 50 MB of
 *     typical 256×256 PNG tiles)
 */
@ConfigurationProperties("tapak.wms")
public record WmsProperties(
    @DefaultValue("4096") int maxWidth,
    @DefaultValue("4096") int maxHeight,
    @DefaultValue("2000") int cacheSize) {

  public WmsProperties {
    if (maxWidth <= 0 || maxHeight <= 0) {
      throw new IllegalArgumentException("tapak.wms.max-width and max-height must be positive");
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("tapak.wms.cache-size must be >= 0 (0 disables the cache)");
    }
  }
}
