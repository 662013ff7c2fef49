package id.tapak.core.corridor;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.rulebook.CheckType;
import id.tapak.core.rulebook.Rulebook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * The corridors of a project, their indicators and suitability grids, computed once and kept while the catalog's data
 * version ({@link Catalog#version()}) stays the same: an edit of a live PostGIS layer makes them be computed again.
 * Computations run on one background thread of their own, so a request waits for its corridor without holding a lock
 * that others need, and {@link #warmUp} can compute everything after start-up. Thread-safe; two requests for one corridor compute it once.
 */
public final class CorridorService {

  private final IndicatorEngine engine;
  private final List<Corridor> corridors;
  private final Map<String, CompletableFuture<CorridorReport>> reports = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<SuitabilityGrid.Result>> grids = new ConcurrentHashMap<>();
  /** The land of each corridor as a whole, which both its indicators and its grid need: computed once. */
  private final Map<String, IndicatorEngine.Evaluation> wholes = new ConcurrentHashMap<>();
  private final Catalog catalog;
  /** The catalog version the cached figures were computed for; a live layer's edit changes it. */
  private volatile long dataVersion;

  /** Drops the cached figures when a layer's data changed since they were computed (live PostGIS layers). */
  private void fresh() {
    long v = catalog.version();
    if (v != dataVersion) {
      synchronized (this) {
        if (v != dataVersion) {
          reports.clear();
          grids.clear();
          wholes.clear();
          dataVersion = v;
        }
      }
    }
  }

  /** One daemon thread: corridor computations are heavy and rare; they should not take both cores from requests. */
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tapak-corridors");
    t.setDaemon(true);
    return t;
  });

  /** Resolves the project's corridors; a wrong declaration throws {@code ProjectFileException}. */
  public CorridorService(Catalog catalog, Rulebook rulebook) {
    this.catalog = catalog;
    this.dataVersion = catalog.version();
    this.engine = new IndicatorEngine(catalog, rulebook);
    this.corridors = Corridor.resolve(catalog);
    for (Corridor c : corridors) {
      long cells = SuitabilityGrid.cellCount(c);
      if (cells > SuitabilityGrid.MAX_CELLS) {
        throw new ProjectFileException(catalog.projectPath() + ": corridor '" + c.spec().id() + "': key 'cellM': "
            + (int) c.spec().cellMetres() + " m cells make " + cells + " cells, more than "
            + SuitabilityGrid.MAX_CELLS + "; set a larger cellM");
      }
      for (String rule : c.spec().weights().keySet()) {
        boolean access = rulebook.rule(rule).map(r -> r.check() == CheckType.ACCESS).orElse(false);
        if (!access) {
          throw new ProjectFileException(catalog.projectPath() + ": corridor '" + c.spec().id() + "': key 'weights."
              + rule + "': not an access rule of rulebook " + rulebook.id() + " (access rules: " + rulebook.rules()
              .stream().filter(r -> r.check() == CheckType.ACCESS).map(r -> r.id()).toList() + ")");
        }
      }
    }
  }

  public List<Corridor> corridors() {
    return corridors;
  }

  public Optional<Corridor> corridor(String id) {
    return corridors.stream().filter(c -> c.spec().id().equals(id)).findFirst();
  }

  public IndicatorEngine engine() {
    return engine;
  }

  /** The report of a corridor, computed once per version of the catalog's data. */
  public Optional<CorridorReport> report(String id) {
    fresh();
    return corridor(id).map(c -> join(reports.computeIfAbsent(id,
        k -> CompletableFuture.supplyAsync(() -> compute(c, n -> { }), worker))));
  }

  /** The suitability grid and candidate sites of a corridor, computed once per version of the catalog's data. */
  public Optional<SuitabilityGrid.Result> grid(String id) {
    fresh();
    return corridor(id).map(c -> join(grids.computeIfAbsent(id,
        k -> CompletableFuture.supplyAsync(() -> gridOf(c), worker))));
  }

  /** Starts computing every corridor's indicators and grid in the background (the service does it after start-up). */
  public void warmUp() {
    for (Corridor c : corridors) {
      String id = c.spec().id();
      reports.computeIfAbsent(id, k -> CompletableFuture.supplyAsync(() -> compute(c, n -> { }), worker));
      grids.computeIfAbsent(id, k -> CompletableFuture.supplyAsync(() -> gridOf(c), worker));
    }
  }

  /** The corridor as one region, evaluated once (in the calling thread: never a task waiting on its own worker). */
  private IndicatorEngine.Evaluation whole(Corridor c) {
    return wholes.computeIfAbsent(c.spec().id(), k -> engine.evaluate(c.whole()));
  }

  private SuitabilityGrid.Result gridOf(Corridor c) {
    return new SuitabilityGrid(engine).compute(c, whole(c));
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Computes a corridor's indicators now (no cache), telling {@code progress} how many regions are done (the
   * corridor as a whole counts as one, then each member).
   */
  public CorridorReport compute(Corridor c, IntConsumer progress) {
    long t0 = System.nanoTime();
    Indicators whole = whole(c).indicators();
    progress.accept(1);
    List<Indicators> members = new ArrayList<>();
    for (Corridor.Region r : c.members()) {
      members.add(engine.compute(r));
      progress.accept(1 + members.size());
    }
    return new CorridorReport(c, whole, members, Instant.now(), (System.nanoTime() - t0) / 1_000_000);
  }
}
