package id.tapak.core.geo;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Limits every geometry reader applies to untrusted input, so a crafted file or body cannot overflow the stack or
 * carry coordinates no measure can use. See {@code docs/limits.md}.
 */
public final class GeometryLimits {

  /**
   * Deepest nesting of collections accepted (GeoJSON GeometryCollection; WKB Multi* and GeometryCollection): a
   * MultiPolygon is depth 1, a GeometryCollection holding one is depth 2. Readers that recurse (Jackson trees, JTS
   * {@code WKBReader}) would overflow the stack near 10 000 levels; real data never passes 3.
   */
  public static final int MAX_GEOMETRY_DEPTH = 8;

  private GeometryLimits() {}

  /** True when every ordinate (x, y and any z) of the geometry is a finite number. Empty geometries are finite. */
  public static boolean finite(Geometry g) {
    boolean[] ok = {true};
    g.apply((CoordinateFilter) (Coordinate c) -> {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Double.isInfinite(c.getZ())) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  /**
   * The collection depth of a WKB geometry (ISO, OGC or PostGIS EWKB flags), read without recursion and without
   * building anything, stopping as soon as {@code limit} is passed; so a blob nested 100 000 levels deep costs a
   * scan of its headers, not a stack overflow in {@code WKBReader}.
   *
   * @param wkb the bytes
   * @param offset where the WKB starts (after a GeoPackage header, say)
   * @param limit the deepest nesting of interest; the answer is at most {@code limit + 1}
   * @return the depth (0 for a point, line or polygon), or {@code limit + 1} when deeper than {@code limit}
   * @throws IllegalArgumentException when the bytes are not WKB (truncated, unknown type, counts past the end)
   */
  public static int wkbDepth(byte[] wkb, int offset, int limit) {
    ByteBuffer b = ByteBuffer.wrap(wkb, offset, wkb.length - offset);
    Deque<Integer> open = new ArrayDeque<>(); // geometries still to read at each enclosing level
    int pending = 1;
    int deepest = 0;
    try {
      while (pending > 0 || !open.isEmpty()) {
        if (pending == 0) {
          pending = open.pop();
          continue;
        }
        pending--;
        byte order = b.get();
        if (order != 0 && order != 1) {
          throw new IllegalArgumentException("bad WKB byte order " + order);
        }
        b.order(order == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int t = b.getInt();
        boolean z = (t & 0x80000000) != 0;
        boolean m = (t & 0x40000000) != 0;
        if ((t & 0x20000000) != 0) {
          b.getInt(); // EWKB srid
        }
        int code = t & 0x0FFFFFFF;
        int iso = code / 1000;
        z |= iso == 1 || iso == 3;
        m |= iso == 2 || iso == 3;
        int pointBytes = 8 * (2 + (z ? 1 : 0) + (m ? 1 : 0));
        switch (code % 1000) {
          case 1 -> skip(b, pointBytes);
          case 2 -> skip(b, (long) count(b, pointBytes) * pointBytes);
          case 3 -> {
            int rings = count(b, 4);
            for (int i = 0; i < rings; i++) {
              skip(b, (long) count(b, pointBytes) * pointBytes);
            }
          }
          case 4, 5, 6, 7 -> {
            int n = count(b, 5);
            open.push(pending);
            pending = n;
            deepest = Math.max(deepest, open.size());
            if (deepest > limit) {
              return limit + 1;
            }
          }
          default -> throw new IllegalArgumentException("unknown WKB geometry type " + code);
        }
      }
      return deepest;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated WKB", e);
    }
  }

  /** A count read from the WKB, refused when that many items of {@code minBytes} each cannot follow. */
  private static int count(ByteBuffer b, int minBytes) {
    int n = b.getInt();
    if (n < 0 || (long) n * minBytes > b.remaining()) {
      throw new IllegalArgumentException("WKB count " + n + " runs past the end");
    }
    return n;
  }

  private static void skip(ByteBuffer b, long bytes) {
    if (bytes > b.remaining()) {
      throw new IllegalArgumentException("truncated WKB");
    }
    b.position(b.position() + (int) bytes);
  }
}
