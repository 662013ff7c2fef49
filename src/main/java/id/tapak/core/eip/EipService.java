package id.tapak.core.eip;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.rulebook.Rulebook;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EIP view of a project, computed on first request per buffer and kept while the catalog's data version stays the
 * same (an edit of a live PostGIS layer changes it, and the figures are computed again). Thread-safe.
 */
public final class EipService {

  private final EipEngine engine;
  private final Map<Double, EipReport> reports = new ConcurrentHashMap<>();

  private final Catalog catalog;
  private volatile long dataVersion;

  public EipService(Catalog catalog, Rulebook rulebook) {
    this.engine = new EipEngine(catalog, rulebook);
    this.catalog = catalog;
    this.dataVersion = catalog.version();
  }

  public EipEngine engine() {
    return engine;
  }

  /** The view with the default buffer (the settlement-distance rule's min_m). */
  public EipReport report() {
    return report(engine.defaultBufferM());
  }

  /** The view with a buffer of {@code bufferM} metres; out of range throws {@code IllegalArgumentException}. */
  public EipReport report(double bufferM) {
    long v = catalog.version();
    if (v != dataVersion) {
      reports.clear();
      dataVersion = v;
    }
    EipReport r = reports.get(bufferM);
    return r != null ? r : reports.computeIfAbsent(bufferM, b -> engine.compute(b, n -> { }));
  }
}
