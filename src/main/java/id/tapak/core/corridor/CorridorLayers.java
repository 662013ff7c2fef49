package id.tapak.core.corridor;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.ComputedLayer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import id.tapak.core.publish.wms.DerivedLayer;
import id.tapak.core.publish.style.DefaultStyles;
import java.util.ArrayList;
import java.util.List;

/**
 * Each corridor's suitability grid and candidate sites as WMS layers ({@code kesesuaian_<corridor>},
 * {@code kandidat_<corridor>}): named from the corridor id with {@code -} as {@code _}, drawn with the graduated
 * suitability style and the candidate outline, computed by {@link CorridorService} at the first map (or at warm-up)
 * and held as {@link ComputedLayer}s, ordinary layers to the WMS.
 */
public final class CorridorLayers {

  private CorridorLayers() {}

  /**
   * The layers, computed from the catalog at their first query and again once per catalog version (the service
   * computes the grid once per version too), each with its WMS group, style and extent (the corridor's).
   */
  public static List<DerivedLayer> wms(CorridorService service, Catalog catalog) {
    LocalizedText group = LocalizedText.of("Koridor prioritas: kesesuaian lahan dan kandidat lokasi",
        "Priority corridors: land suitability and candidate sites");
    List<DerivedLayer> out = new ArrayList<>();
    for (Corridor c : service.corridors()) {
      String id = c.spec().id();
      String suffix = id.replace('-', '_');
      var bbox = c.geometry().getEnvelopeInternal();
      out.add(new DerivedLayer(new ComputedLayer(spec("kesesuaian_" + suffix,
          LocalizedText.of("Kesesuaian lahan " + c.spec().title().id(), "Land suitability " + c.spec().title().en()),
          "Sel " + (int) c.spec().cellMetres() + " m: skor 0-100 dari jarak ke infrastruktur (aturan akses), hanya sel "
              + "yang sedikitnya separuhnya KPI bebas. / " + (int) c.spec().cellMetres() + " m cells scored 0-100 on "
              + "access (the rulebook's access rules); only cells at least half free KPI are drawn. docs/corridors.md"),
          catalog::version, () -> GridFeatures.cells(service.grid(id).orElseThrow())),
          group, DefaultStyles.suitability(), bbox));
      out.add(new DerivedLayer(new ComputedLayer(spec("kandidat_" + suffix,
          LocalizedText.of("Kandidat lokasi " + c.spec().title().id(), "Candidate sites " + c.spec().title().en()),
          "Kelompok sel terbaik, satu hamparan >= 50 ha, berperingkat. / Best groups of cells, one expanse of at "
              + "least 50 ha, ranked; full reports at /api/corridors/" + id + "/candidates"),
          catalog::version,
          () -> GridFeatures.candidates(service.grid(id).orElseThrow(), "/api/corridors/" + id + "/candidates")),
          group, DefaultStyles.candidates(), bbox));
    }
    return out;
  }

  /** A candidate site is a proposed estate, hence the role; the source says the layer is computed. */
  private static LayerSpec spec(String id, LocalizedText title, String description) {
    return new LayerSpec(id, title, LayerRole.PLANNED_ESTATE, new SourceSpec(SourceType.DERIVED, "corridor", null,
        null), null, description, null, null);
  }
}
