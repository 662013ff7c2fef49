package id.tapak.core.corridor;

import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.rulebook.CheckType;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.Finding;
import id.tapak.core.rulebook.Verdict;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.Rule;
import id.tapak.core.rulebook.RuleLayers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The suitability grid of a corridor and its candidate sites.
 *
 * <p>Cells are squares of {@code cellM} metres in the UTM zone of the corridor's centre, kept where they touch the
 * corridor. <b>Hard constraints</b> come from the rulebook through the corridor's free KPI (KPI minus estates, LP2B,
 * protected land and setbacks, see {@link IndicatorEngine}): a cell is <b>excluded</b> when less than
 * {@link #MIN_FREE_SHARE} of it is free KPI. <b>Soft criteria</b> are the rulebook's access rules: for each, the
 * geodesic distance from the cell's centre to the nearest feature of its layers and classes scores 1 within the
 * rule's {@code max_m}, falling linearly to 0 at twice that distance; the cell's score (0-100) is the weighted mean
 * with the corridor's {@code weights} (default 1 each: the rulebook gives no ranking of infrastructure). A cell is
 * <b>assessed</b> where its free part lies inside the coverage of every constraint layer.
 *
 * <p><b>Candidate sites</b> are the connected groups (edge neighbours) of cells scoring at least the corridor's
 * {@code minScore} (default 50); each group's free land, as one connected polygon of at least the rulebook's
 * min-expanse {@code min_ha}, is a candidate, ranked by mean score then area, and checked in full against the rulebook.
 */
public final class SuitabilityGrid {

  /** Share of a cell that must be free KPI for the cell to count (a setting). */
  public static final double MIN_FREE_SHARE = 0.5;
  /** Most candidate sites reported per corridor. */
  public static final int MAX_CANDIDATES = 10;
  /** Most cells per grid: a corridor over this at its cell size is refused (use a larger cell). */
  public static final int MAX_CELLS = 200_000;

  /**
   * One cell.
   *
   * @param id "row-col"
   * @param row row from the south
   * @param col column from the west
   * @param geometry the square in lon/lat (5 vertices)
   * @param freeHa free KPI hectares in it
   * @param freeShare free KPI as a share of the cell (0-1)
   * @param assessed true when its free part lies inside every constraint layer's coverage
   * @param score 0-100, null for an excluded cell
   * @param distances metres to the nearest feature per access rule (null when no layer of the rule has any)
   */
  public record Cell(String id, int row, int col, Geometry geometry, double freeHa, double freeShare,
      boolean assessed, @Nullable Double score, Map<String, @Nullable Double> distances) {
    public boolean excluded() {
      return score == null;
    }
  }

  /**
   * One candidate site.
   *
   * @param rank 1 = best
   * @param site its polygon, lon/lat
   * @param ha geodesic hectares
   * @param meanScore mean score of its cells
   * @param cells how many cells it grew from
   * @param report the full conformity report of the site (kind new)
   * @param locationVerdict the verdict of the location rules alone: the report without the rules about the estate's
   *     masterplan (IKM land and share, composition, Sentra IKM), which a candidate location has no data for and
   *     which the full report therefore fails or leaves open
   */
  public record Candidate(int rank, Geometry site, double ha, double meanScore, int cells, ConformityReport report,
      Verdict locationVerdict) {}

  /** The rules about an estate's masterplan rather than its location. */
  static final Set<CheckType> MASTERPLAN = EnumSet.of(CheckType.IKM_LAND, CheckType.IKM_SHARE,
      CheckType.SENTRA_IKM, CheckType.COMPOSITION);

  /**
   * A computed grid.
   *
   * @param corridor the corridor
   * @param cellM cell size in metres
   * @param cells every cell touching the corridor
   * @param candidates ranked candidate sites
   * @param millis time taken
   */
  public record Result(Corridor corridor, double cellM, List<Cell> cells, List<Candidate> candidates, long millis) {
    public Result {
      Objects.requireNonNull(corridor);
      cells = List.copyOf(cells);
      candidates = List.copyOf(candidates);
    }
  }

  private final IndicatorEngine engine;

  public SuitabilityGrid(IndicatorEngine engine) {
    this.engine = Objects.requireNonNull(engine);
  }

  /** How many cells the corridor's bounding box holds at its cell size (what {@link #MAX_CELLS} bounds). */
  static long cellCount(Corridor corridor) {
    Coordinate c = corridor.geometry().getEnvelopeInternal().centre();
    int utm = CrsRegistry.utmZoneFor(c.x, c.y);
    Envelope e = CrsRegistry.transform(CrsRegistry.WGS84, utm).apply(corridor.geometry()).getEnvelopeInternal();
    double cellM = corridor.spec().cellMetres();
    return (long) Math.ceil(e.getWidth() / cellM) * (long) Math.ceil(e.getHeight() / cellM);
  }

  public Result compute(Corridor corridor) {
    return compute(corridor, engine.evaluate(corridor.whole()));
  }

  /** The grid on the corridor's land as its indicators already found it (free KPI, assessed area). */
  Result compute(Corridor corridor, IndicatorEngine.Evaluation land) {
    long t0 = System.nanoTime();
    double cellM = corridor.spec().cellMetres();
    Geometry free = land.free();
    PreparedGeometry freeP = PreparedGeometryFactory.prepare(free);
    PreparedGeometry assessedP = PreparedGeometryFactory.prepare(land.assessed());
    PreparedGeometry corridorP = PreparedGeometryFactory.prepare(corridor.geometry());

    Coordinate c = corridor.geometry().getEnvelopeInternal().centre();
    int utm = CrsRegistry.utmZoneFor(c.x, c.y);
    GeometryTransform toUtm = CrsRegistry.transform(CrsRegistry.WGS84, utm);
    GeometryTransform toWgs = CrsRegistry.transform(utm, CrsRegistry.WGS84);
    Envelope e = toUtm.apply(corridor.geometry()).getEnvelopeInternal();
    int cols = (int) Math.ceil(e.getWidth() / cellM);
    int rows = (int) Math.ceil(e.getHeight() / cellM);
    if ((long) cols * rows > MAX_CELLS) {
      throw new IllegalArgumentException("corridor " + corridor.spec().id() + " needs " + (long) cols * rows
          + " cells of " + cellM + " m, more than " + MAX_CELLS + "; set a larger cellM");
    }
    List<Rule> access = engine.rulebook().rules().stream().filter(r -> r.check() == CheckType.ACCESS).toList();

    List<Cell> cells = new ArrayList<>();
    Map<Long, Cell> byKey = new HashMap<>();
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < cols; col++) {
        double x = e.getMinX() + col * cellM;
        double y = e.getMinY() + row * cellM;
        Geometry sq = toWgs.apply(GeoJson.FACTORY.toGeometry(new Envelope(x, x + cellM, y, y + cellM)));
        if (!corridorP.intersects(sq)) {
          continue;
        }
        double cellHa = GeodesicMeasure.hectares(sq);
        double freeHa;
        Geometry part;
        if (freeP.disjoint(sq)) {
          freeHa = 0;
          part = null;
        } else if (freeP.covers(sq)) {
          freeHa = cellHa;
          part = sq;
        } else {
          part = IndicatorEngine.polygonal(OverlayNGRobust.overlay(sq, free, OverlayNG.INTERSECTION));
          freeHa = part.isEmpty() ? 0 : GeodesicMeasure.hectares(part);
        }
        double share = cellHa > 0 ? freeHa / cellHa : 0;
        boolean assessed = part != null && !part.isEmpty() && assessedP.covers(part);
        Map<String, @Nullable Double> distances = new LinkedHashMap<>();
        Double score = null;
        if (share >= MIN_FREE_SHARE) {
          Geometry centre = sq.getCentroid();
          double sum = 0;
          double weights = 0;
          for (Rule r : access) {
            Double d = nearest(centre, r);
            distances.put(r.id(), d);
            double w = corridor.spec().weight(r.id());
            sum += w * criterion(d, r.threshold("max_m"));
            weights += w;
          }
          score = weights > 0 ? 100 * sum / weights : 0;
        }
        Cell cell = new Cell(row + "-" + col, row, col, sq, freeHa, share, assessed, score, distances);
        cells.add(cell);
        byKey.put(key(row, col), cell);
      }
    }
    List<Candidate> candidates = candidates(cells, byKey, free, corridor.spec().candidateScore());
    return new Result(corridor, cellM, cells, candidates, (System.nanoTime() - t0) / 1_000_000);
  }

  /** One access criterion: 1 within {@code maxM}, linearly down to 0 at twice it; 0 when nothing is mapped. */
  static double criterion(@Nullable Double metres, double maxM) {
    if (metres == null) {
      return 0;
    }
    return metres <= maxM ? 1 : Math.max(0, 1 - (metres - maxM) / maxM);
  }

  private static long key(int row, int col) {
    return ((long) row << 32) | (col & 0xffffffffL);
  }

  /** Geodesic metres from a point to the nearest feature of an access rule's layers and classes, or null. */
  private @Nullable Double nearest(Geometry point, Rule r) {
    Double best = null;
    for (LayerRole role : r.roles()) {
      for (Layer l : engine.catalog().layers(role)) {
        for (Feature f : l.nearest(point, 8)) {
          if (!RuleLayers.accepts(l, f, r.classes())) {
            continue;
          }
          double d = GeodesicMeasure.nearest(point, f.geometry()).metres();
          best = best == null ? d : Math.min(best, d);
        }
      }
    }
    return best;
  }

  /** Connected groups of good cells → one connected polygon of free land each, ≥ min-expanse, ranked and checked. */
  private List<Candidate> candidates(List<Cell> cells, Map<Long, Cell> byKey, Geometry free, double minScore) {
    double minHa = engine.rulebook().rules().stream().filter(r -> r.check() == CheckType.MIN_EXPANSE).findFirst()
        .map(r -> r.threshold("min_ha")).orElse(50.0);
    Map<String, Boolean> seen = new HashMap<>();
    record Group(Geometry site, double ha, double meanScore, int cells) {}
    List<Group> groups = new ArrayList<>();
    for (Cell start : cells) {
      if (!good(start, minScore) || seen.containsKey(start.id())) {
        continue;
      }
      List<Cell> group = new ArrayList<>();
      ArrayDeque<Cell> todo = new ArrayDeque<>(List.of(start));
      seen.put(start.id(), true);
      while (!todo.isEmpty()) {
        Cell x = todo.pop();
        group.add(x);
        int[][] next = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int[] n : next) {
          Cell y = byKey.get(key(x.row() + n[0], x.col() + n[1]));
          if (y != null && good(y, minScore) && seen.putIfAbsent(y.id(), true) == null) {
            todo.push(y);
          }
        }
      }
      Geometry cellsUnion = IndicatorEngine.union(group.stream().map(Cell::geometry).toList());
      Geometry land = IndicatorEngine.intersection(cellsUnion, free);
      Geometry largest = largestPart(land);
      if (largest == null) {
        continue;
      }
      double ha = GeodesicMeasure.hectares(largest);
      if (ha < minHa) {
        continue;
      }
      double mean = group.stream().mapToDouble(g -> g.score()).average().orElse(0);
      groups.add(new Group(largest, ha, mean, group.size()));
    }
    groups.sort(Comparator.comparingDouble((Group g) -> -g.meanScore()).thenComparingDouble(g -> -g.ha()));
    List<Candidate> out = new ArrayList<>();
    for (Group g : groups.subList(0, Math.min(MAX_CANDIDATES, groups.size()))) {
      int rank = out.size() + 1;
      String name = "Kandidat " + rank;
      ConformityReport report = engine.checks().check(new Proposal(name, Proposal.Kind.NEW, null, g.site(),
          List.of(), null, null, null, null, null, List.of()), "candidate-" + rank);
      List<Finding> location = report.findings().stream().filter(f -> engine.rulebook().rule(f.ruleId())
          .map(r -> !MASTERPLAN.contains(r.check())).orElse(true)).toList();
      out.add(new Candidate(rank, g.site(), g.ha(), g.meanScore(), g.cells(), report, Verdict.of(location)));
    }
    return out;
  }

  private static boolean good(Cell c, double minScore) {
    return c.score() != null && c.score() >= minScore;
  }

  private static @Nullable Geometry largestPart(Geometry g) {
    Geometry best = null;
    double bestHa = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) {
        double ha = GeodesicMeasure.hectares(p);
        if (ha > bestHa) {
          best = p;
          bestHa = ha;
        }
      }
    }
    return best;
  }
}
