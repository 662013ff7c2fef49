package id.tapak.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;

/** Paging and bbox queries over a layer: stable order, exact intersection, counts before paging. */
class LayerQueryTest {

  /** 10 x 10 grid of 0.01° squares starting at (112, -8), ids "r{row}c{col}", in row-major order. */
  private static Layer grid() throws Exception {
    WKTReader r = new WKTReader();
    List<Feature> fs = new ArrayList<>();
    for (int row = 0; row < 10; row++) {
      for (int col = 0; col < 10; col++) {
        double x = 112 + col * 0.01;
        double y = -8 + row * 0.01;
        String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
            x, y, x + 0.008, y, x + 0.008, y + 0.008, x, y + 0.008, x, y);
        fs.add(new Feature("r" + row + "c" + col, r.read(wkt), Map.of("row", row, "col", col)));
      }
    }
    LayerSpec spec = new LayerSpec("grid", LocalizedText.of("Kisi", "Grid"), LayerRole.ADMIN,
        new SourceSpec(SourceType.GEOJSON, "grid.geojson", null, null), null, null, null, null);
    return MemoryLayer.of(spec, fs);
  }

  @Test
  void pagesAreStableAndCountMatchesBeforePaging() throws Exception {
    Layer l = grid();
    FeaturePage p1 = l.query(new FeatureQuery(null, 30, 0));
    FeaturePage p4 = l.query(new FeatureQuery(null, 30, 90));
    assertThat(p1.numberMatched()).isEqualTo(100);
    assertThat(p1.features()).hasSize(30);
    assertThat(p1.features().get(0).id()).isEqualTo("r0c0");
    assertThat(p4.features()).hasSize(10);
    assertThat(p4.features().get(9).id()).isEqualTo("r9c9");
    assertThat(l.query(new FeatureQuery(null, 30, 500)).features()).isEmpty();
  }

  @Test
  void bboxSelectsExactlyTheIntersectingFeaturesInLayerOrder() throws Exception {
    Layer l = grid();
    // covers columns 2..3 (x 112.02..112.038) and rows 5 (y -7.95..-7.942); the gap x 112.038..112.04 touches none
    Envelope box = new Envelope(112.021, 112.037, -7.949, -7.943);
    FeaturePage p = l.query(new FeatureQuery(box, 100, 0));
    assertThat(p.features()).extracting(Feature::id).containsExactly("r5c2", "r5c3");
    // an envelope inside the gap between squares: candidates by envelope would be wrong, exact test gives none
    assertThat(l.query(new FeatureQuery(new Envelope(112.0085, 112.0095, -7.9915, -7.9905), 10, 0)).features()).isEmpty();
  }

  @Test
  void nearestFindsTheClosestFeature() throws Exception {
    Layer l = grid();
    var pt = new WKTReader().read("POINT(112.2 -7.7)");
    assertThat(l.nearest(pt, 1)).extracting(Feature::id).containsExactly("r9c9");
  }

  @Test
  void queryValidatesLimitAndOffset() {
    assertThatThrownBy(() -> new FeatureQuery(null, 0, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new FeatureQuery(null, FeatureQuery.MAX_LIMIT + 1, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new FeatureQuery(null, 10, -1)).hasMessageContaining("offset");
  }
}
