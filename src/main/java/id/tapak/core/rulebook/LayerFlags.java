package id.tapak.core.rulebook;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.LayerRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up sanity of a catalog against its rulebook: a spatial-plan or detail-plan layer none of whose classes the KPI
 * rule knows cannot say where industry may go. It is not an error (the layer still serves maps and other rules), but
 * it is flagged in {@code /api/layers} and logged at start-up, and the KPI rule reports it as the reason it could
 * not be assessed. Stateless.
 */
public final class LayerFlags {

  /** The flag of a plan layer without any KPI class. */
  public static final String NO_KPI_CLASS = "no-kpi-class";

  private LayerFlags() {}

  /** Flags per layer id (layers without flags are left out). */
  public static Map<String, List<String>> of(Catalog catalog, Rulebook rulebook) {
    List<String> kpiClasses = new ArrayList<>();
    for (Rule r : rulebook.rules()) {
      if (r.check() == CheckType.KPI_ALLOCATION) {
        kpiClasses.addAll(r.classes());
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (kpiClasses.isEmpty()) {
      return out;
    }
    for (Layer l : catalog.layers()) {
      // a live layer whose database is down cannot be judged now (its checks say NOT_ASSESSED meanwhile)
      if ((l.role() == LayerRole.SPATIAL_PLAN || l.role() == LayerRole.DETAIL_PLAN) && l.available()
          && !CheckContext.hasClass(l, kpiClasses)) {
        out.put(l.id(), List.of(NO_KPI_CLASS));
      }
    }
    return out;
  }

  /** One warning line per flagged layer, for the start-up log. */
  public static List<String> warnings(Catalog catalog, Rulebook rulebook) {
    List<String> out = new ArrayList<>();
    List<String> classes = rulebook.rules().stream().filter(r -> r.check() == CheckType.KPI_ALLOCATION)
        .flatMap(r -> r.classes().stream()).distinct().toList();
    of(catalog, rulebook).forEach((id, flags) -> out.add(catalog.projectPath() + ": layer '" + id + "': role "
        + catalog.layer(id).orElseThrow().role().wireName() + " but none of its classes is a KPI class " + classes
        + " (check fields.planClass); the KPI rule will report NOT_ASSESSED wherever it is the only plan"));
    boolean indonesian = catalog.layers().stream().anyMatch(l -> l.available() && !l.bbox().isNull()
        && id.tapak.core.catalog.ProjectInfo.INDONESIA.intersects(l.bbox()));
    if (!indonesian && !catalog.layers().isEmpty() && catalog.project().project().extent() == null) {
      out.add(catalog.projectPath() + ": no layer lies in Indonesia: the rulebook's regulations are Indonesian and "
          + "checks refuse sites elsewhere (set project.extent to say where the project is)");
    }
    return out;
  }
}
