package id.tapak.core.publish.wms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bounded LRU of encoded map images keyed by the normalised request, for tiled clients that ask for the same
 * tiles again. Every entry belongs to a data version (catalog, styles, stored checks); a lookup under a new version
 * clears the cache first, so a changed layer or style is never served stale. Capacity 0 disables it (the benchmark
 * measures rendering this way). Thread-safe.
 */
public final class TileCache {

  private final int capacity;
  private final Map<String, byte[]> entries;
  private long version = Long.MIN_VALUE;
  private long hits;
  private long misses;

  /** @param capacity most images kept; 0 disables caching */
  public TileCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("tile cache size must be >= 0, got " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
        return size() > TileCache.this.capacity;
      }
    };
  }

  public boolean enabled() {
    return capacity > 0;
  }

  /** The cached image for a key under a data version, or null. */
  public synchronized byte @Nullable [] get(String key, long dataVersion) {
    if (capacity == 0) {
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

  public synchronized void put(String key, long dataVersion, byte[] image) {
    if (capacity == 0) {
      return;
    }
    sync(dataVersion);
    entries.put(key, image);
  }

  public synchronized void clear() {
    entries.clear();
  }

  public synchronized int size() {
    return entries.size();
  }

  /** "hits/misses", for logs and tests. */
  public synchronized String stats() {
    return hits + "/" + misses;
  }

  private void sync(long dataVersion) {
    if (dataVersion != version) {
      entries.clear();
      version = dataVersion;
    }
  }
}
