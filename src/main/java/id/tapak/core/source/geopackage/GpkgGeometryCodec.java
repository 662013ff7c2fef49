package id.tapak.core.source.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import id.tapak.core.geo.GeometryLimits;
import id.tapak.core.source.SourceException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes the GeoPackage geometry blob (OGC 12-128r18 §2.1.3): magic {@code "GP"}, version, a flags byte (bit 0
 * byte order of the header, bits 1–3 envelope indicator, bit 4 empty, bit 5 extended type), the srs_id, an
 * optional envelope of 0/32/48/48/64 bytes, then standard or ISO WKB (which carries its own byte order).
 *
 * <p>Blobs come from files users hand in, so nothing here trusts them: any malformed blob gives {@code null}, which
 * the catalog counts as a skipped feature. JTS {@link WKBReader} throws {@link IllegalArgumentException} as well as
 * {@link ParseException} on crafted input, hence the broad catch. Two faults are refused rather than skipped,
 * because skipping would silently change what a user uploaded: collections nested deeper than
 * {@link GeometryLimits#MAX_GEOMETRY_DEPTH} (checked on the bytes first, so {@code WKBReader} never recurses into a
 * 100 000-level blob) and coordinates that are NaN or infinite.
 *
 * <p>Not thread-safe (it holds a {@link WKBReader}); use one per read.
 */
final class GpkgGeometryCodec {

  private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};
  private static final int FIXED_HEADER = 8;

  private final WKBReader wkb;

  GpkgGeometryCodec(GeometryFactory factory) {
    this.wkb = new WKBReader(factory);
  }

  /**
   * The geometry of a blob, in the layer's own CRS and x/y order.
   *
   * @return the geometry, or null when the blob is null, flagged empty, extended, or malformed
   * @throws SourceException when the geometry is nested too deep or has a non-finite coordinate
   */
  @Nullable Geometry decode(byte @Nullable [] blob) {
    int offset = wkbOffset(blob);
    if (offset < 0) {
      return null;
    }
    int depth;
    try {
      depth = GeometryLimits.wkbDepth(blob, offset, GeometryLimits.MAX_GEOMETRY_DEPTH);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    if (depth > GeometryLimits.MAX_GEOMETRY_DEPTH) {
      throw new SourceException("geometry collections nested deeper than " + GeometryLimits.MAX_GEOMETRY_DEPTH
          + " levels are refused");
    }
    Geometry g;
    try {
      g = wkb.read(Arrays.copyOfRange(blob, offset, blob.length));
    } catch (ParseException | RuntimeException malformed) {
      return null;
    }
    if (!GeometryLimits.finite(g)) {
      throw new SourceException("a coordinate is not a finite number (NaN or infinity)");
    }
    return g;
  }

  /**
   * Where the WKB starts inside a blob, or -1 when the blob holds no decodable standard geometry.
   */
  static int wkbOffset(byte @Nullable [] blob) {
    if (blob == null || blob.length < FIXED_HEADER || blob[0] != 'G' || blob[1] != 'P') {
      return -1;
    }
    int flags = blob[3] & 0xff;
    boolean extended = (flags & 0b10_0000) != 0;
    boolean empty = (flags & 0b1_0000) != 0;
    int envelope = (flags >> 1) & 0b111;
    if (extended || empty || envelope >= ENVELOPE_BYTES.length) {
      return -1;
    }
    int offset = FIXED_HEADER + ENVELOPE_BYTES[envelope];
    return offset < blob.length ? offset : -1;
  }

  /** The srs_id written in a blob's header, or -1 when the header is unreadable. */
  static int srsId(byte @Nullable [] blob) {
    if (blob == null || blob.length < FIXED_HEADER || blob[0] != 'G' || blob[1] != 'P') {
      return -1;
    }
    ByteOrder order = (blob[3] & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    return ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
  }
}
