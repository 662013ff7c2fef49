package id.tapak.core.source.shapefile;

import id.tapak.core.source.SourceException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Reads the records of a {@code .shp} file sequentially (the {@code .shx} index is not needed): Point, PolyLine,
 * Polygon, MultiPoint, their Z and M variants (Z and M values are dropped: Tapak works in 2D), and null shapes.
 * MultiPatch and unknown shape types give a null geometry, which the catalog counts as skipped.
 *
 * <p>Polygon rings follow the ESRI rule: clockwise rings are shells, counter-clockwise rings are holes, and each hole
 * belongs to the smallest shell that contains it. A hole inside no shell becomes a shell of its own, and a record
 * whose rings are all counter-clockwise is read as shells, so badly oriented files lose no area. Holes find their
 * candidate shells through an STRtree of shell envelopes, so a record of N shells and N holes costs N log N, not N²
 * (a 270 KB zip took 67 s).
 *
 * <p>A coordinate that is NaN or infinite (which some writers put in for "no data") stops the read with a
 * {@link SourceException} naming the record: read on, it became 0 or 9.2e9 further down.
 *
 * <p>Not thread-safe: it walks one buffer.
 */
final class ShpReader {

  private static final int HEADER = 100;
  private static final int FILE_CODE = 9994;

  /** One {@code .shp} record: its 1-based record number and geometry (null for null and unsupported shapes). */
  record ShpRecord(int number, @Nullable Geometry geometry) {}

  private final ByteBuffer buf;
  private final GeometryFactory factory;
  private final String name;
  private final int end;

  /**
   * @param shp the whole {@code .shp} file
   * @param factory factory for the geometries
   * @param name file name for error messages
   * @throws SourceException when the header is not a shapefile header
   */
  ShpReader(ByteBuffer shp, GeometryFactory factory, String name) {
    this.buf = shp.duplicate();
    this.factory = factory;
    this.name = name;
    if (buf.limit() < HEADER || buf.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
      throw new SourceException(name + ": not an ESRI shapefile (bad file code)");
    }
    long declared = 2L * buf.order(ByteOrder.BIG_ENDIAN).getInt(24);
    this.end = (int) Math.min(buf.limit(), declared < HEADER ? buf.limit() : declared);
    buf.position(HEADER);
  }

  /** The shape type declared in the header (1 point, 3 line, 5 polygon, 8 multipoint, +10 Z, +20 M). */
  int shapeType() {
    return buf.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
  }

  /** The next record, or null after the last one. */
  @Nullable ShpRecord next() {
    if (buf.position() + 8 > end) {
      return null;
    }
    buf.order(ByteOrder.BIG_ENDIAN);
    int number = buf.getInt();
    // The length is in 16-bit words; in long, as a word count of 2^30 or more doubled in int wraps negative and
    // passed the bound (a fuzz finding: 0x3FFFFFFF words in the record header at byte 100 of a 110-byte file).
    long words = buf.getInt();
    int start = buf.position();
    if (words < 2 || start + 2 * words > end) {
      throw new SourceException(name + ": record " + number + " is truncated or has a bad length");
    }
    int length = (int) (2 * words);
    ByteBuffer content = buf.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
    buf.position(start + length);
    Geometry g;
    try {
      g = shape(content);
    } catch (NonFinite e) {
      throw new SourceException(name + ": record " + number + ": a coordinate is not a finite number (NaN or "
          + "infinity)");
    } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException malformed) {
      g = null; // a malformed record is counted by the catalog, the rest of the file is still read
    }
    return new ShpRecord(number, g);
  }

  /** A NaN or infinite ordinate; refused rather than skipped. */
  private static final class NonFinite extends RuntimeException {
    NonFinite() {
      super(null, null, false, false);
    }
  }

  private static Coordinate xy(ByteBuffer c) {
    double x = c.getDouble();
    double y = c.getDouble();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new NonFinite();
    }
    return new Coordinate(x, y);
  }

  private @Nullable Geometry shape(ByteBuffer c) {
    int type = c.getInt();
    switch (type) {
      case 1, 11, 21:
        return factory.createPoint(xy(c));
      case 8, 18, 28: {
        c.position(c.position() + 32);
        return factory.createMultiPointFromCoords(points(c, c.getInt()));
      }
      case 3, 13, 23:
        return lines(c);
      case 5, 15, 25:
        return polygons(c);
      default:
        return null; // 0 = null shape; 31 = MultiPatch and unknown types are not read
    }
  }

  private static Coordinate[] points(ByteBuffer c, int n) {
    if (n < 0 || n > c.remaining() / 16) {
      throw new IllegalArgumentException("bad point count " + n);
    }
    Coordinate[] cs = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      cs[i] = xy(c);
    }
    return cs;
  }

  /** The parts of a PolyLine or Polygon record, as coordinate arrays. */
  private static List<Coordinate[]> parts(ByteBuffer c) {
    c.position(c.position() + 32);
    int numParts = c.getInt();
    int numPoints = c.getInt();
    if (numParts < 0 || numParts > c.remaining() / 4) {
      throw new IllegalArgumentException("bad part count " + numParts);
    }
    int[] starts = new int[numParts + 1];
    for (int i = 0; i < numParts; i++) {
      starts[i] = c.getInt();
    }
    starts[numParts] = numPoints;
    Coordinate[] all = points(c, numPoints);
    List<Coordinate[]> parts = new ArrayList<>(numParts);
    for (int i = 0; i < numParts; i++) {
      if (starts[i] < 0 || starts[i] > starts[i + 1] || starts[i + 1] > numPoints) {
        throw new IllegalArgumentException("bad part start " + starts[i]);
      }
      Coordinate[] part = new Coordinate[starts[i + 1] - starts[i]];
      System.arraycopy(all, starts[i], part, 0, part.length);
      parts.add(part);
    }
    return parts;
  }

  private @Nullable Geometry lines(ByteBuffer c) {
    List<LineString> lines = new ArrayList<>();
    for (Coordinate[] part : parts(c)) {
      if (part.length >= 2) {
        lines.add(factory.createLineString(part));
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    return lines.size() == 1 ? lines.get(0) : factory.createMultiLineString(lines.toArray(new LineString[0]));
  }

  private @Nullable Geometry polygons(ByteBuffer c) {
    List<LinearRing> shells = new ArrayList<>();
    List<LinearRing> holes = new ArrayList<>();
    for (Coordinate[] part : parts(c)) {
      Coordinate[] ring = closed(part);
      if (ring.length < 4) {
        continue;
      }
      (Orientation.isCCW(ring) ? holes : shells).add(factory.createLinearRing(ring));
    }
    if (shells.isEmpty()) {
      shells.addAll(holes); // every ring counter-clockwise: a wrongly oriented writer, not a set of holes
      holes.clear();
    }
    if (shells.isEmpty()) {
      return null;
    }
    List<List<LinearRing>> holesOf = new ArrayList<>();
    List<@Nullable IndexedPointInAreaLocator> locators = new ArrayList<>();
    STRtree index = new STRtree();
    for (int i = 0; i < shells.size(); i++) {
      holesOf.add(new ArrayList<>());
      locators.add(null); // built on first use: most shells never own a hole
      index.insert(shells.get(i).getEnvelopeInternal(), i);
    }
    int originalShells = shells.size();
    for (LinearRing h : holes) {
      int owner = owner(h, shells, originalShells, locators, index);
      if (owner < 0) {
        shells.add(h); // a hole in no shell: keep its area as a shell rather than drop it
        holesOf.add(new ArrayList<>());
        locators.add(null);
      } else {
        holesOf.get(owner).add(h);
      }
    }
    Polygon[] polys = new Polygon[shells.size()];
    for (int i = 0; i < polys.length; i++) {
      polys[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
    }
    return polys.length == 1 ? polys[0] : factory.createMultiPolygon(polys);
  }

  /** Index of the smallest shell containing the hole, or -1; candidates come from the envelope index. */
  private static int owner(LinearRing hole, List<LinearRing> shells, int shellCount,
      List<@Nullable IndexedPointInAreaLocator> locs, STRtree index) {
    Envelope he = hole.getEnvelopeInternal();
    if (shellCount == 1) {
      return shells.get(0).getEnvelopeInternal().covers(he) ? 0 : -1;
    }
    int best = -1;
    double bestArea = Double.MAX_VALUE;
    List<Integer> candidates = new ArrayList<>();
    for (Object o : index.query(he)) {
      candidates.add((Integer) o);
    }
    for (int i = shellCount; i < shells.size(); i++) {
      candidates.add(i); // holes that found no shell and became shells (rare) are not in the index
    }
    for (int i : candidates) {
      LinearRing s = shells.get(i);
      if (!s.getEnvelopeInternal().covers(he)) {
        continue;
      }
      double area = s.getEnvelopeInternal().getArea();
      if (area >= bestArea) {
        continue;
      }
      if (locs.get(i) == null) {
        locs.set(i, new IndexedPointInAreaLocator(s));
      }
      if (inside(hole, locs.get(i))) {
        best = i;
        bestArea = area;
      }
    }
    return best;
  }

  /** True when the first hole vertex not on the shell's boundary lies inside it (holes may touch their shell). */
  private static boolean inside(LinearRing hole, @Nullable IndexedPointInAreaLocator shell) {
    if (shell == null) {
      return false;
    }
    for (Coordinate p : hole.getCoordinates()) {
      int loc = shell.locate(p);
      if (loc != Location.BOUNDARY) {
        return loc == Location.INTERIOR;
      }
    }
    return true;
  }

  private static Coordinate[] closed(Coordinate[] part) {
    if (part.length == 0 || part[0].equals2D(part[part.length - 1])) {
      return part;
    }
    Coordinate[] ring = new Coordinate[part.length + 1];
    System.arraycopy(part, 0, ring, 0, part.length);
    ring[part.length] = part[0].copy();
    return ring;
  }
}
