package id.tapak.core.source.postgis;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The decoded and repaired geometries of a live layer's large rows, kept by their exact stored bytes (EWKB) for the
 * exact test of checks ({@code PostgisLayer.intersecting}; item pages, scans and maps keep nothing), so a row read
 * again unchanged is neither decoded nor tested for validity again, and is the same geometry object as
 * before (which lets {@code PreparedFeatures} keep its prepared copy). On a live check the decode of the large
 * dissolved plan polygons under a site was a third of the time (docs/benchmarks.md, scale (c)).
 *
 * <p>Never stale: the key is the bytes themselves, compared in full (a CRC-32C only picks the bucket), so an edited
 * row — whatever its id, whatever the version poll says — has other bytes and is decoded afresh; the rows still have
 * to travel from the database each time, which is what keeps a live layer live. Only rows of at least
 * {@link #LARGE_BYTES} are kept (smaller ones decode in microseconds), and at most {@link #BUDGET_BYTES} of EWKB
 * in all (the geometries take about three times that on the heap: some 25 MB a layer), least recently used first;
 * so memory does not follow the table. Thread-safe.
 */
final class DecodedRows {

  /** Rows whose EWKB has at least this many bytes are kept: about 2 000 vertices (16 bytes a 2D vertex). */
  static final int LARGE_BYTES = 32_000;
  /** At most this many bytes of EWKB are kept (the default budget): about 400 000 vertices. */
  static final long BUDGET_BYTES = 6_400_000;

  /** A decoded row: its geometry (valid, repaired where needed) and whether the stored one had to be repaired. */
  record Decoded(Geometry geometry, boolean repaired) {}

  /** Bytes compared by content; the CRC-32C is computed once. */
  private record Key(byte[] bytes, int hash) {
    static Key of(byte[] bytes) {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(bytes);
      return new Key(bytes, (int) crc.getValue());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final long budget;
  private final Map<Key, Decoded> rows = new LinkedHashMap<>(16, 0.75f, true);
  private long held;

  DecodedRows() {
    this(BUDGET_BYTES);
  }

  /** @param budget at most this many bytes of EWKB are kept */
  DecodedRows(long budget) {
    this.budget = budget;
  }

  /** True when rows of this many bytes are kept. */
  boolean keeps(byte[] bytes) {
    return bytes.length >= LARGE_BYTES && bytes.length <= budget;
  }

  /** The row decoded before from exactly these bytes, or null. */
  synchronized @Nullable Decoded get(byte[] bytes) {
    return keeps(bytes) ? rows.get(Key.of(bytes)) : null;
  }

  /** Keeps a decoded row (when large enough), dropping the least recently used beyond the budget. */
  synchronized void put(byte[] bytes, Decoded decoded) {
    if (!keeps(bytes)) {
      return;
    }
    Key key = Key.of(bytes);
    if (rows.putIfAbsent(key, decoded) != null) {
      return;
    }
    held += bytes.length;
    Iterator<Map.Entry<Key, Decoded>> it = rows.entrySet().iterator();
    while (held > budget && it.hasNext()) {
      Map.Entry<Key, Decoded> e = it.next();
      if (e.getKey() != key) {
        held -= e.getKey().bytes().length;
        it.remove();
      }
    }
  }

  /** How many rows are kept (for tests). */
  synchronized int size() {
    return rows.size();
  }

  /** How many bytes of EWKB are kept (for tests; at most the budget). */
  synchronized long bytes() {
    return held;
  }
}
