package id.tapak.core.corridor;

import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.wms.DerivedLayer;
import id.tapak.core.publish.style.DefaultStyles;
import java.util.ArrayList;
import java.util.List;

/**
 * Each corridor's suitability grid and candidate sites as WMS layers ({@code kesesuaian_<corridor>},
 * {@code kandidat_<corridor>}): named from the corridor id with {@code -} as {@code _}, drawn with the graduated
 * suitability style and the candidate outline, computed by {@link CorridorService} at the first map (or at warm-up).
 */
public final class CorridorLayers {

  private CorridorLayers() {}

  public static List<DerivedLayer> wms(CorridorService service) {
    LocalizedText group = LocalizedText.of("Koridor prioritas: kesesuaian lahan dan kandidat lokasi",
        "Priority corridors: land suitability and candidate sites");
    List<DerivedLayer> out = new ArrayList<>();
    for (Corridor c : service.corridors()) {
      String id = c.spec().id();
      String suffix = id.replace('-', '_');
      var bbox = c.geometry().getEnvelopeInternal();
      out.add(new DerivedLayer("kesesuaian_" + suffix,
          LocalizedText.of("Kesesuaian lahan " + c.spec().title().id(), "Land suitability " + c.spec().title().en()),
          "Sel " + (int) c.spec().cellMetres() + " m: skor 0-100 dari jarak ke infrastruktur (aturan akses), hanya sel "
              + "yang sedikitnya separuhnya KPI bebas. / " + (int) c.spec().cellMetres() + " m cells scored 0-100 on "
              + "access (the rulebook's access rules); only cells at least half free KPI are drawn. docs/corridors.md",
          group, DefaultStyles.suitability(), bbox,
          () -> GridFeatures.cells(service.grid(id).orElseThrow())));
      out.add(new DerivedLayer("kandidat_" + suffix,
          LocalizedText.of("Kandidat lokasi " + c.spec().title().id(), "Candidate sites " + c.spec().title().en()),
          "Kelompok sel terbaik, satu hamparan >= 50 ha, berperingkat. / Best groups of cells, one expanse of at "
              + "least 50 ha, ranked; full reports at /api/corridors/" + id + "/candidates",
          group, DefaultStyles.candidates(), bbox,
          () -> GridFeatures.candidates(service.grid(id).orElseThrow(), "/api/corridors/" + id + "/candidates")));
    }
    return out;
  }
}
