package id.tapak.core.publish.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An LRU of encoded map images bounded in <b>bytes</b> (the image bytes plus a fixed overhead per entry for the key
 * and map node), for tiled clients that ask for the same tiles again. Keys are chosen by the publisher (WMS: {@code GetMapRequest.cacheKey()},
 * only the parameters that change the image, normalised, so junk query parameters, parameter case and order never
 * make a new entry). Bounding by entries was not enough: 2 000 dense tiles held 891 MB. Every entry belongs to a data
 * version (catalog, styles, stored checks); a lookup under a new version clears the cache first, so a changed layer
 * or style is never served stale. A budget of 0 bytes disables it (the benchmark measures rendering this way).
 * Thread-safe.
 */
public final class TileCache {

  /** Bytes counted per entry on top of its image: the key string, the map entry and the array header. */
  public static final int ENTRY_OVERHEAD = 512;

  private final long maxBytes;
  private final int maxEntries;
  private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;
  private long version = Long.MIN_VALUE;
  private long hits;
  private long misses;

  /** @param maxBytes most bytes held (images plus {@link #ENTRY_OVERHEAD} each); 0 disables caching */
  public TileCache(long maxBytes) {
    this(Integer.MAX_VALUE, maxBytes);
  }

  /**
   * @param maxEntries most images held; 0 disables caching
   * @param maxBytes most bytes held (images plus {@link #ENTRY_OVERHEAD} each); 0 disables caching
   */
  public TileCache(int maxEntries, long maxBytes) {
    if (maxBytes < 0 || maxEntries < 0) {
      throw new IllegalArgumentException("tile cache limits must be >= 0, got " + maxEntries + " entries, "
          + maxBytes + " bytes");
    }
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  public boolean enabled() {
    return maxBytes > 0 && maxEntries > 0;
  }

  /** The cached image for a key under a data version, or null. */
  public synchronized byte @Nullable [] get(String key, long dataVersion) {
    if (!enabled()) {
      return null;
    }
    sync(dataVersion);
    byte[] b = entries.get(key);
    if (b == null) {
      misses++;
    } else {
      hits++;
    }
    return b;
  }

  /** Keeps an image, evicting the least recently used ones until the total fits; an image too big is not kept. */
  public synchronized void put(String key, long dataVersion, byte[] image) {
    long cost = cost(key, image);
    if (!enabled() || cost > maxBytes) {
      return;
    }
    sync(dataVersion);
    byte[] old = entries.put(key, image);
    bytes += cost - (old == null ? 0 : cost(key, old));
    var it = entries.entrySet().iterator();
    while ((bytes > maxBytes || entries.size() > maxEntries) && it.hasNext()) {
      Map.Entry<String, byte[]> eldest = it.next();
      bytes -= cost(eldest.getKey(), eldest.getValue());
      it.remove();
    }
  }

  private static long cost(String key, byte[] image) {
    return (long) image.length + 2L * key.length() + ENTRY_OVERHEAD;
  }

  public synchronized void clear() {
    entries.clear();
    bytes = 0;
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Bytes held now, counted as {@link #put} counts them; never more than the budget. */
  public synchronized long bytes() {
    return bytes;
  }

  /** "hits/misses", for logs and tests. */
  public synchronized String stats() {
    return hits + "/" + misses;
  }

  private void sync(long dataVersion) {
    if (dataVersion != version) {
      clear();
      version = dataVersion;
    }
  }
}
