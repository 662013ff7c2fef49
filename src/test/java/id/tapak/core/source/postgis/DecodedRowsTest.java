package id.tapak.core.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.GeoJson;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** {@link DecodedRows}: found only by the very same bytes, small rows never kept, bounded by bytes. */
class DecodedRowsTest {

  /** A circle of {@code segments * 4} vertices at (x, -6.5), as 2D WKB: 16 bytes a vertex. */
  static byte[] circle(double x, int segments) {
    Geometry g = GeoJson.FACTORY.createPoint(new Coordinate(x, -6.5)).buffer(0.01, segments);
    return new WKBWriter().write(g);
  }

  static DecodedRows.Decoded decoded(byte[] wkb) {
    try {
      return new DecodedRows.Decoded(new org.locationtech.jts.io.WKBReader(GeoJson.FACTORY).read(wkb), false);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void foundByEqualBytesOnlyNeverBySimilarOnes() {
    DecodedRows rows = new DecodedRows();
    byte[] big = circle(107, 600); // 2 401 vertices, 38 KB
    assertTrue(big.length >= DecodedRows.LARGE_BYTES, big.length + " bytes");
    DecodedRows.Decoded d = decoded(big);
    rows.put(big, d);
    assertSame(d, rows.get(big.clone()), "another array with the same bytes is the same row");
    byte[] edited = big.clone();
    edited[edited.length - 9] ^= 1; // one bit of the last ordinate: a moved vertex
    assertNull(rows.get(edited), "an edited row is decoded afresh");
    assertNull(rows.get(circle(107.0000001, 600)), "a row moved by 1 cm is decoded afresh");
  }

  @Test
  void smallRowsAreNotKept() {
    DecodedRows rows = new DecodedRows();
    byte[] small = circle(107, 8);
    assertFalse(rows.keeps(small.length));
    rows.put(small, decoded(small));
    assertEquals(0, rows.size());
    assertNull(rows.get(small));
  }

  @Test
  void boundedByBytesLeastRecentlyUsedFirst() {
    byte[] a = circle(107, 600);
    DecodedRows rows = new DecodedRows(3L * a.length);
    byte[][] all = new byte[5][];
    for (int i = 0; i < all.length; i++) {
      all[i] = circle(107 + i, 600);
      rows.put(all[i], decoded(all[i]));
      assertTrue(rows.bytes() <= 3L * a.length, "kept " + rows.bytes() + " bytes");
    }
    assertEquals(3, rows.size());
    assertNull(rows.get(all[0]), "the oldest went first");
    assertNull(rows.get(all[1]));
    assertSame(rows.get(all[4]), rows.get(all[4].clone()));
    assertFalse(new DecodedRows(1000).keeps(a.length), "a row larger than the budget is never kept");
  }
}
