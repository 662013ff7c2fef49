package id.tapak.core.source.postgis;

import id.tapak.core.model.WeighedCache;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The decoded and repaired geometries of a live layer's rows, for checks (the exact test of
 * {@code PostgisLayer.intersecting} and the area around a site of {@code candidates}; item pages, scans and maps keep
 * nothing), so a row read again unchanged is
 * neither moved, decoded nor tested for validity again, and is the same geometry object as before (which lets
 * {@code PreparedFeatures} keep its prepared copy). On a live check, moving and decoding the large dissolved plan
 * polygons under a site was a third of the time, and the small ones beside them still 7 % once the large ones were
 * kept (docs/benchmarks.md, scale (c)).
 *
 * <p>Never stale. Two keys, by what the relation offers:
 * <ul>
 *   <li>a table or materialized view: the row version {@code tableoid/ctid/xmin/pg_column_size(geom)}. Every
 *       {@code UPDATE} writes a new tuple (another ctid and the writer's xmin), and a slot freed by VACUUM is
 *       filled by a later transaction, with its own xmin; the stored size guards the one remaining case, a slot
 *       reused under the same xid 2^32 transactions later. The query asks for the versions under its envelope
 *       first, without geometry, and then only for the rows not held here ({@link #held}), so an unchanged row
 *       costs its id and attributes only, and an edited one arrives whole at once, whatever the version poll says
 *       (should a row change between the two, the envelope is read again sending {@link #versions(Envelope)}).
 *       Rows of any size are kept this way: finding one costs a hash lookup of its version;</li>
 *   <li>a view (no row versions): the exact stored bytes (EWKB), compared in full (a CRC-32C only picks the bucket),
 *       so the rows still travel each time, and an edited row has other bytes and is decoded afresh. Only rows of at
 *       least {@link #LARGE_BYTES} are kept this way: a smaller one decodes about as fast as its bytes compare.</li>
 * </ul>
 * At most {@link #BUDGET_BYTES} in all, each row counted as its EWKB plus {@link #ROW_OVERHEAD} bytes for its key
 * and objects (the geometries take about three times their EWKB on the heap: some 25 MB a layer), least recently
 * used first; so memory does not follow the table. Thread-safe.
 */
final class DecodedRows {

  /** A view's rows whose EWKB has at least this many bytes are kept: about 2 000 vertices (16 bytes a 2D vertex). */
  static final int LARGE_BYTES = 32_000;
  /** What a kept row counts against the budget beyond its EWKB: its version string, entry, record and JTS objects. */
  static final int ROW_OVERHEAD = 256;
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

  /** A kept row and the bytes it counts against the budget (its EWKB and {@link #ROW_OVERHEAD}). */
  private record Entry(Decoded decoded, int size) {}

  /** By {@link Key} (a view's row bytes) or by row version (a String): one budget, one recency order. */
  private final WeighedCache<Object, Entry> rows;

  DecodedRows() {
    this(BUDGET_BYTES);
  }

  /** @param budget at most this many bytes of EWKB are kept */
  DecodedRows(long budget) {
    this.rows = new WeighedCache<>(budget, (k, e) -> e.size());
  }

  /** True when a view's rows of this many bytes of EWKB are kept (by their bytes). */
  boolean keeps(int size) {
    return size >= LARGE_BYTES && size + ROW_OVERHEAD <= rows.budget();
  }

  /** The row decoded before from exactly these bytes, or null. */
  @Nullable Decoded get(byte[] bytes) {
    Entry e = keeps(bytes.length) ? rows.get(Key.of(bytes)) : null;
    return e == null ? null : e.decoded();
  }

  /** Keeps a view's decoded row by its bytes (when large enough), dropping the least recently used beyond the budget. */
  void put(byte[] bytes, Decoded decoded) {
    if (keeps(bytes.length)) {
      rows.putIfAbsent(Key.of(bytes), new Entry(decoded, bytes.length + ROW_OVERHEAD));
    }
  }

  /**
   * Keeps a table's decoded row, of any size, by its row version ({@code size}: its bytes of EWKB), dropping the least
   * recently used beyond the budget.
   */
  void put(String version, int size, Decoded decoded) {
    if (size + ROW_OVERHEAD <= rows.budget()) {
      rows.putIfAbsent(version, new Entry(decoded, size + ROW_OVERHEAD));
    }
  }

  /**
   * The rows kept by row version whose geometry's envelope meets {@code env}, by version: a copy, so a query holds on
   * to every row it asked the database to leave out even if the budget drops it meanwhile (the rows it then uses are
   * marked used: {@link #used}). Only those under the query's envelope, so the query does not carry every version
   * held: a row the database finds under the envelope but whose repaired geometry lies just beside it is sent
   * whole, which is right, only slower.
   */
  Map<String, Decoded> versions(Envelope env) {
    Map<String, Decoded> out = new HashMap<>();
    rows.forEach((k, e) -> {
      if (k instanceof String v && e.decoded().geometry().getEnvelopeInternal().intersects(env)) {
        out.put(v, e.decoded());
      }
    });
    return out;
  }

  /** The row kept under this version, marked as just used; null when none is. */
  @Nullable Decoded held(String version) {
    Entry e = rows.get(version);
    return e == null ? null : e.decoded();
  }

  /** Marks a row kept by version as just used (the least recently used go first). */
  void used(String version) {
    rows.get(version);
  }

  /** How many rows are kept (for tests). */
  int size() {
    return rows.size();
  }

  /** How many bytes of EWKB are kept (for tests; at most the budget). */
  long bytes() {
    return rows.weight();
  }
}
