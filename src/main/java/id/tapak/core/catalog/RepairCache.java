package id.tapak.core.catalog;

import id.tapak.core.geo.GeometryRepair;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.JTSVersion;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of {@link GeometryRepair#repair(Geometry)} for every feature of a layer, kept in a side file across
 * restarts so that a restart on unchanged data skips the validity test of every polygon and the repair of the
 * invalid ones (50 358 polygons: ≈ 3 CPU s of tests and 1–2 CPU s of {@code GeometryFixer} on the 118 invalid
 * ones, docs/benchmarks.md scale (a)).
 *
 * <p>Never stale, by construction: an entry is keyed by a 128-bit digest of the geometry it was computed from (type,
 * structure and every ordinate, after reprojection to EPSG:4326, i.e. exactly the input of the repair), not by the
 * file's name, size or modification time. A feature whose geometry changed by one bit misses and is tested again;
 * the features that did not change still hit, so an edited file re-tests only its edits. A file written by another
 * format version or another JTS version (whose repair could differ) is ignored whole, and so is a damaged one
 * (wrong magic, truncated, bad checksum, a WKB that does not decode): the cache can make a start faster, never
 * different. Results are stored as: valid (the geometry is used as read), repaired (the repaired geometry as WKB,
 * which keeps doubles, types and ring order exactly), or repaired to nothing (the feature is skipped, as today).
 *
 * <p>The file lives in {@code <cache-dir>/repair/<layer id>-<hash of the source type, path, table and crs>.bin}
 * ({@link CatalogLoader#load(Path, Path)}; the service passes {@code <data-dir>/cache}); it is written to a temporary
 * file and moved into place, so a concurrent reader or a second instance sees the old file or the new one. A
 * failure to write it is logged and ignored (a read-only data directory only loses the speed-up). Thread-safe for
 * lookups after {@link #read}.
 */
final class RepairCache {

  private static final Logger LOG = LoggerFactory.getLogger(RepairCache.class);
  private static final byte[] MAGIC = "TAPAK-REPAIR-1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte VALID = 0;
  private static final byte REPAIRED = 1;
  private static final byte REPAIRED_EMPTY = 2;

  /** A digest of one geometry (two independent 64-bit hashes of the same words). */
  record Digest(long a, long b) {}

  /** One stored result: its status and, when repaired, the WKB of the repaired geometry. */
  private record Entry(byte status, byte @Nullable [] wkb) {}

  private final Map<Digest, Entry> entries;

  private RepairCache(Map<Digest, Entry> entries) {
    this.entries = entries;
  }

  /** An empty cache (no file, or one that could not be trusted). */
  static RepairCache empty() {
    return new RepairCache(Map.of());
  }

  /** Number of stored results. */
  int size() {
    return entries.size();
  }

  /** The side file of a layer in a cache folder. */
  static Path file(Path cacheDir, LayerSpec spec) {
    var s = spec.source();
    CRC32C crc = new CRC32C();
    crc.update((s.type() + "\n" + s.path() + "\n" + s.layer() + "\n" + s.crs()).getBytes(StandardCharsets.UTF_8));
    String safeId = spec.id().replaceAll("[^A-Za-z0-9_-]", "_");
    return cacheDir.resolve("repair").resolve(String.format(Locale.ROOT, "%s-%08x.bin", safeId, crc.getValue()));
  }

  /**
   * The result stored for a geometry with this digest, or null when there is none. A repaired geometry is decoded
   * with the raw geometry's factory, as {@code GeometryFixer} builds its output with it.
   */
  GeometryRepair.@Nullable Result lookup(Digest digest, Geometry raw) {
    Entry e = entries.get(digest);
    if (e == null) {
      return null;
    }
    return switch (e.status()) {
      case VALID -> new GeometryRepair.Result(raw, false);
      case REPAIRED_EMPTY -> new GeometryRepair.Result(raw.getFactory().createGeometryCollection(), true);
      default -> {
        try {
          yield new GeometryRepair.Result(new WKBReader(raw.getFactory()).read(e.wkb()), true);
        } catch (ParseException | RuntimeException damaged) {
          yield null; // checked when the file was read; never trusted if it still does not decode
        }
      }
    };
  }

  /** Reads a side file; a missing, foreign or damaged one gives an empty cache. */
  static RepairCache read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      LOG.warn("{}: repair cache not readable ({}); testing every geometry", file, e.getMessage());
      return empty();
    }
    try {
      return parse(bytes);
    } catch (IOException | ParseException | RuntimeException e) {
      LOG.warn("{}: repair cache ignored ({}); testing every geometry", file, e.getMessage());
      return empty();
    }
  }

  private static RepairCache parse(byte[] bytes) throws IOException, ParseException {
    if (bytes.length < MAGIC.length + 8) {
      throw new EOFException("too short");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 8);
    long stored = 0;
    for (int i = bytes.length - 8; i < bytes.length; i++) {
      stored = (stored << 8) | (bytes[i] & 0xff);
    }
    if (stored != crc.getValue()) {
      throw new IOException("checksum mismatch");
    }
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8));
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("not a repair cache of this version");
    }
    String jts = in.readUTF();
    if (!jts.equals(JTSVersion.CURRENT_VERSION.toString())) {
      return empty(); // another JTS may repair differently: recompute, silently (an upgrade is not a fault)
    }
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative count");
    }
    Map<Digest, Entry> map = new HashMap<>(Math.min(n, 1 << 22) * 4 / 3 + 1);
    WKBReader check = new WKBReader();
    for (int i = 0; i < n; i++) {
      Digest d = new Digest(in.readLong(), in.readLong());
      byte status = in.readByte();
      byte[] wkb = null;
      if (status == REPAIRED) {
        int len = in.readInt();
        if (len <= 0 || len > in.available()) {
          throw new IOException("bad WKB length");
        }
        wkb = in.readNBytes(len);
        check.read(wkb); // a WKB that does not decode makes the whole file untrusted
      } else if (status != VALID && status != REPAIRED_EMPTY) {
        throw new IOException("bad status " + status);
      }
      map.put(d, new Entry(status, wkb));
    }
    if (in.available() != 0) {
      throw new IOException("trailing bytes");
    }
    return new RepairCache(map);
  }

  /** Writes the results of one load (same order as the digests); failures are logged, never thrown. */
  static void write(Path file, Digest[] digests, GeometryRepair.Result[] results) {
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      WKBWriter wkb = new WKBWriter(3); // Z kept when the geometry has it, 2D otherwise
      CRC32C crc = new CRC32C();
      try (OutputStream raw = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new java.util.zip.CheckedOutputStream(
              raw, crc), 1 << 16))) {
        out.write(MAGIC);
        out.writeUTF(JTSVersion.CURRENT_VERSION.toString());
        out.writeInt(digests.length);
        for (int i = 0; i < digests.length; i++) {
          GeometryRepair.Result r = results[i];
          out.writeLong(digests[i].a());
          out.writeLong(digests[i].b());
          if (!r.repaired()) {
            out.writeByte(VALID);
          } else if (r.geometry().isEmpty()) {
            out.writeByte(REPAIRED_EMPTY);
          } else {
            byte[] b = wkb.write(r.geometry());
            out.writeByte(REPAIRED);
            out.writeInt(b.length);
            out.write(b);
          }
        }
        out.flush();
        // the checksum of everything above, not itself covered (CheckedOutputStream sees it, parse does not)
        out.writeLong(crc.getValue());
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: repair cache not written ({}); the next start tests every geometry again", file, e.toString());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file in the cache folder is harmless
        }
      }
    }
  }

  /**
   * The digest of a geometry: its type, number of parts and rings, each coordinate sequence's size and dimension,
   * and the bits of every ordinate, through two different 64-bit mixers (so a collision needs both to collide).
   */
  static Digest digest(Geometry g) {
    long[] h = {0x243F6A8885A308D3L, 0x13198A2E03707344L};
    add(h, g);
    return new Digest(fmix(h[0]), fmix(h[1]));
  }

  private static void add(long[] h, Geometry g) {
    mix(h, g.getGeometryType().hashCode());
    if (g instanceof Polygon p) {
      mix(h, p.getNumInteriorRing());
      add(h, p.getExteriorRing().getCoordinateSequence());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        add(h, p.getInteriorRingN(i).getCoordinateSequence());
      }
    } else if (g instanceof LineString l) {
      add(h, l.getCoordinateSequence());
    } else if (g instanceof Point pt) {
      add(h, pt.getCoordinateSequence());
    } else if (g instanceof GeometryCollection c) {
      mix(h, c.getNumGeometries());
      for (int i = 0; i < c.getNumGeometries(); i++) {
        add(h, c.getGeometryN(i));
      }
    }
  }

  private static void add(long[] h, CoordinateSequence s) {
    int n = s.size();
    int dim = s.getDimension();
    mix(h, ((long) n << 8) | dim);
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        mix(h, Double.doubleToLongBits(s.getOrdinate(i, d)));
      }
    }
  }

  private static void mix(long[] h, long v) {
    h[0] = Long.rotateLeft(h[0] ^ (v * 0x9E3779B97F4A7C15L), 27) * 0xC2B2AE3D27D4EB4FL + 0x52DCE729L;
    h[1] = Long.rotateLeft(h[1] + (v * 0xFF51AFD7ED558CCDL), 31) * 0x87C37B91114253D5L ^ 0x38495AB5L;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB9FE1A85EC53L;
    k ^= k >>> 33;
    return k;
  }
}
