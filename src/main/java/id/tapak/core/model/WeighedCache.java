package id.tapak.core.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToLongBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A least-recently-used map bounded by the total weight of what it holds (vertices, bytes of EWKB), not by its number
 * of entries, so that memory does not follow the data: the one mechanism behind the caches of large geometries
 * ({@code catalog.PreparedFeatures}, {@code geo.CellClips}, {@code source.postgis.DecodedRows}). The caller computes
 * a value outside the lock and offers it with {@link #putIfAbsent}; two callers racing on a key both compute, and the
 * first value offered is kept and returned to both. Thread-safe.
 *
 * @param <K> keys (their own {@code equals}: identity where the caller wraps a geometry so)
 * @param <V> values
 */
public final class WeighedCache<K, V> {

  private final long budget;
  private final ToLongBiFunction<K, V> weight;
  private final Map<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long held;

  /**
   * @param budget at most this much weight is held
   * @param weight the weight of an entry (constant for the entry)
   */
  public WeighedCache(long budget, ToLongBiFunction<K, V> weight) {
    this.budget = budget;
    this.weight = weight;
  }

  /** The budget this cache holds at most. */
  public long budget() {
    return budget;
  }

  /** The value held for the key, or null; counts as a use (the least recently used go first). */
  public synchronized @Nullable V get(K key) {
    return entries.get(key);
  }

  /**
   * Holds the value unless the key is held already, then drops the least recently used entries (never this one)
   * until the total weight is within the budget.
   *
   * @return the value held for the key: the one offered, or the one held before
   */
  public synchronized V putIfAbsent(K key, V value) {
    V before = entries.putIfAbsent(key, value);
    if (before != null) {
      return before;
    }
    held += weight.applyAsLong(key, value);
    Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator();
    while (held > budget && it.hasNext()) {
      Map.Entry<K, V> e = it.next();
      if (!e.getKey().equals(key)) {
        held -= weight.applyAsLong(e.getKey(), e.getValue());
        it.remove();
      }
    }
    return value;
  }

  /** Holds the value in place of any held before for the key, then keeps within the budget as {@link #putIfAbsent}. */
  public synchronized void put(K key, V value) {
    V before = entries.remove(key);
    if (before != null) {
      held -= weight.applyAsLong(key, before);
    }
    putIfAbsent(key, value);
  }

  /** Every entry held, least recently used first, under the lock (not counted as uses). */
  public synchronized void forEach(BiConsumer<K, V> action) {
    entries.forEach(action);
  }

  /** How many entries are held. */
  public synchronized int size() {
    return entries.size();
  }

  /** The total weight held (at most the budget, but for a single entry heavier than it). */
  public synchronized long weight() {
    return held;
  }
}
