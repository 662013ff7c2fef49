package id.tapak.core.geo;

import id.tapak.core.model.Budget;
import id.tapak.core.model.WeighedCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * How much of a lon/lat rectangle the union of some polygons covers, through the union's parts in grid cells of
 * {@link #CELL} degrees, kept and shared by the checks of an engine. A distance rule that finds nothing nearer than
 * its limit must say how much of the area within the limit its layers cover (absence of data is no evidence), and
 * for a plan merged from overlapping sources that union, some 20 km² for a 2 km limit, was most of such a check:
 * 9–36 ms against 5 for a check that needs none (docs/benchmarks.md, scale (c)). Nearby sites, and a site checked
 * again, ask for the same cells.
 *
 * <p>Exact: a cell's part is {@code cell ∩ ⋃ polygons}, computed from the polygons whose envelope meets the cell
 * (the caller passes every polygon whose envelope meets {@link #block} of the rectangle), and kept with those
 * polygons by identity, in order. The cells not kept are computed together: one union over their envelope, cut to
 * each. It is used again only for the very same polygon objects: features of a loaded layer never change, and a
 * live layer's row held decoded is the same object until the row changes (an edited row is another object, and its
 * cells are computed afresh). A cell inside the rectangle counts its part's hectares; a cell on its edge, its part cut
 * to the rectangle. The sum is the same ground as uniting the rectangle's pieces whole ({@link PolygonUnion#within});
 * the two differ only where OverlayNG's snapping fallback moves vertices, some 1e-5 of the area.
 *
 * <p>Cells of 2^-7 degrees (about 870 m), aligned to multiples of it, so the arithmetic is exact and neighbouring
 * sites share cells. Bounded: at most {@link #BUDGET} vertices of parts kept (each entry counts its part's vertices
 * and one per polygon it was made from), least recently used first. Thread-safe.
 */
public final class CoverageCells {

  /** Cell side, degrees. */
  public static final double CELL = 1.0 / 128;
  /** At most this many vertices of cell parts (and polygon references) are kept. */
  static final long BUDGET = 1_000_000;

  /** A cell of one caller's layers: rules asking for other layers' coverage of the same cell keep their own. */
  private record Key(String scope, long x, long y) {}

  /** A cell's part of the union, its hectares, and the polygons it was made from (compared by identity). */
  private record Part(Geometry[] from, Geometry geometry, double ha) {
    boolean madeFrom(List<Geometry> polygons) {
      if (polygons.size() != from.length) {
        return false;
      }
      for (int i = 0; i < from.length; i++) {
        if (polygons.get(i) != from[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private final CellClips clips;
  private final WeighedCache<Key, Part> parts;
  private final AtomicLong computed = new AtomicLong();

  /** @param clips the engine's cuts of large polygons, for cutting the polygons to the cells not kept */
  public CoverageCells(CellClips clips) {
    this(clips, BUDGET);
  }

  /** @param budget at most this many vertices of cell parts kept */
  CoverageCells(CellClips clips, long budget) {
    this.clips = clips;
    this.parts = new WeighedCache<>(budget, (k, p) -> p.geometry().getNumPoints() + p.from().length + 1);
  }

  /** The rectangle grown to whole cells: {@link #coveredHa} needs every polygon whose envelope meets it. */
  public static Envelope block(Envelope rect) {
    return new Envelope(Math.floor(rect.getMinX() / CELL) * CELL, Math.ceil(rect.getMaxX() / CELL) * CELL,
        Math.floor(rect.getMinY() / CELL) * CELL, Math.ceil(rect.getMaxY() / CELL) * CELL);
  }

  /**
   * Geodesic hectares of {@code rect} covered by the union of {@code polygons}.
   *
   * @param scope names the set the polygons come from (a rule's layers): cells are kept per scope, so two rules
   *     asking for the same cells with other layers do not push each other's parts out
   * @param rect a lon/lat rectangle
   * @param polygons every geometry (lon/lat) whose envelope meets {@link #block} of {@code rect}, in a stable order
   *     (a layer's); others, and those not polygonal, are ignored
   * @param factory for the cells' rectangles
   */
  public double coveredHa(String scope, Envelope rect, List<Geometry> polygons, GeometryFactory factory) {
    long x0 = (long) Math.floor(rect.getMinX() / CELL);
    long x1 = (long) Math.ceil(rect.getMaxX() / CELL);
    long y0 = (long) Math.floor(rect.getMinY() / CELL);
    long y1 = (long) Math.ceil(rect.getMaxY() / CELL);
    record Cell(Key key, Envelope env, List<Geometry> meeting) {}
    List<Cell> cells = new ArrayList<>();
    Map<Key, Part> found = new HashMap<>();
    List<Cell> missing = new ArrayList<>();
    Envelope region = new Envelope();
    for (long x = x0; x < x1; x++) {
      for (long y = y0; y < y1; y++) {
        Budget.checkpoint(); // cells × polygons envelope tests: a large site's area holds many cells
        Envelope env = new Envelope(x * CELL, (x + 1) * CELL, y * CELL, (y + 1) * CELL);
        List<Geometry> meeting = new ArrayList<>();
        for (Geometry g : polygons) {
          if (g instanceof Polygonal && !g.isEmpty() && g.getEnvelopeInternal().intersects(env)) {
            meeting.add(g);
          }
        }
        if (meeting.isEmpty()) {
          continue;
        }
        Cell cell = new Cell(new Key(scope, x, y), env, meeting);
        cells.add(cell);
        Part part = parts.get(cell.key());
        if (part != null && part.madeFrom(meeting)) {
          found.put(cell.key(), part);
        } else {
          missing.add(cell);
          region.expandToInclude(env);
        }
      }
    }
    if (!missing.isEmpty()) {
      // one union over the cells not kept (the pieces cut to their envelope, united as it minus what they leave),
      // then cut to each: a cell's part depends only on the polygons meeting it, so it is the same ground as a
      // union made for that cell alone, at a fraction of the cost (a large plan polygon meets every cell)
      Geometry box = factory.toGeometry(region);
      List<Geometry> pieces = new ArrayList<>();
      for (Geometry g : polygons) {
        Budget.checkpoint();
        if (g instanceof Polygonal && !g.isEmpty() && g.getEnvelopeInternal().intersects(region)) {
          Geometry cut = clips.intersection(box, g);
          if (!cut.isEmpty() && cut.getDimension() == 2) {
            pieces.add(cut);
          }
        }
      }
      Geometry union = PolygonUnion.within(box, pieces);
      for (Cell cell : missing) {
        Budget.checkpoint();
        computed.incrementAndGet();
        Geometry g = union.isEmpty() ? union : PolygonUnion.polygonal(
            OverlayNGRobust.overlay(union, factory.toGeometry(cell.env()), OverlayNG.INTERSECTION));
        Part part = new Part(cell.meeting().toArray(new Geometry[0]), g, GeodesicMeasure.hectares(g));
        parts.put(cell.key(), part);
        found.put(cell.key(), part);
      }
    }
    double ha = 0;
    for (Cell cell : cells) {
      Part part = found.get(cell.key());
      if (part.geometry().isEmpty()) {
        continue;
      }
      if (rect.covers(cell.env())) {
        ha += part.ha();
      } else {
        Envelope cut = cell.env().intersection(rect);
        if (cut.getArea() > 0) {
          Budget.checkpoint();
          ha += GeodesicMeasure.hectares(
              OverlayNGRobust.overlay(part.geometry(), factory.toGeometry(cut), OverlayNG.INTERSECTION));
        }
      }
    }
    return ha;
  }

  /** How many cell parts have been computed (not found kept), for tests. */
  long computed() {
    return computed.get();
  }
}
