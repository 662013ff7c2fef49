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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The corridors of a project and their indicators, computed on first request and kept for the life of the catalog
 * (an immutable snapshot: a changed layer means a new catalog, hence new figures). Thread-safe; two requests for
 * the same corridor compute it once.
 */
public final class CorridorService {

  private final IndicatorEngine engine;
  private final List<Corridor> corridors;
  private final Map<String, CorridorReport> reports = new ConcurrentHashMap<>();
  private final Map<String, SuitabilityGrid.Result> grids = new ConcurrentHashMap<>();

  /** Resolves the project's corridors; a wrong declaration throws {@code ProjectFileException}. */
  public CorridorService(Catalog catalog, Rulebook rulebook) {
    this.engine = new IndicatorEngine(catalog, rulebook);
    this.corridors = Corridor.resolve(catalog);
    for (Corridor c : corridors) {
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

  /** The report of a corridor, computed once. */
  public Optional<CorridorReport> report(String id) {
    return corridor(id).map(c -> reports.computeIfAbsent(id, k -> compute(c, n -> { })));
  }

  /** The suitability grid and candidate sites of a corridor, computed once. */
  public Optional<SuitabilityGrid.Result> grid(String id) {
    return corridor(id).map(c -> grids.computeIfAbsent(id, k -> new SuitabilityGrid(engine).compute(c)));
  }

  /**
   * Computes a corridor's indicators now (no cache), telling {@code progress} how many regions are done (the
   * corridor as a whole counts as one, then each member).
   */
  public CorridorReport compute(Corridor c, IntConsumer progress) {
    long t0 = System.nanoTime();
    Indicators whole = engine.compute(c.whole());
    progress.accept(1);
    List<Indicators> members = new ArrayList<>();
    for (Corridor.Region r : c.members()) {
      members.add(engine.compute(r));
      progress.accept(1 + members.size());
    }
    return new CorridorReport(c, whole, members, Instant.now(), (System.nanoTime() - t0) / 1_000_000);
  }
}
