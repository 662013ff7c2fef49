package id.tapak.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * {@link MemoryLayer#intersecting} tests its very large features through prepared copies it keeps
 * ({@link PreparedFeatures}); the answer must be exactly the one of preparing the query geometry instead (the
 * {@link Layer} default). On real data: the West Java RTRW for 5 kab/kota
 * ({@code ../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_per_kabkota_subset.gpkg}, 787 polygons, 331 399 vertices, the
 * dissolved plan polygons of up to ~13 600 vertices that made a check slow), with sites around, on and touching
 * their boundaries.
 */
class PreparedFeaturesTest {

  static MemoryLayer layer;
  static final Random RANDOM = new Random(9);

  @BeforeAll
  static void load() {
    layer = (MemoryLayer) id.tapak.SharedData.jabarKabkota();
  }

  /** What the Layer default answers: the query prepared, each candidate tested as it is. */
  static List<String> expected(Layer l, Geometry g) {
    PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
    List<String> out = new ArrayList<>();
    for (Feature f : l.candidates(g.getEnvelopeInternal())) {
      if (pg.intersects(f.geometry())) {
        out.add(f.id());
      }
    }
    return out;
  }

  static List<String> ids(List<Feature> fs) {
    return fs.stream().map(Feature::id).toList();
  }

  static List<Feature> large() {
    List<Feature> out = new ArrayList<>();
    layer.scan(f -> f.geometry().getNumPoints() < PreparedFeatures.LARGE || out.add(f));
    return out;
  }

  static Geometry square(double x, double y, double half) {
    return GeoJson.FACTORY.toGeometry(new Envelope(x - half, x + half, y - half, y + half));
  }

  @Test
  void sameAnswerAsPreparingTheSiteOnRealData() {
    List<Feature> big = large();
    assertTrue(big.size() >= 10, "the fixture has large dissolved plan polygons: " + big.size());
    int sites = 0;
    int hits = 0;
    for (Feature f : big) {
      Coordinate[] cs = f.geometry().getCoordinates();
      for (int i = 0; i < 12; i++) {
        Coordinate c = cs[RANDOM.nextInt(cs.length)];
        // centred on a boundary vertex, a corner exactly on it (touching at a point), a larger site, a 32-gon
        List<Geometry> gs = List.of(square(c.x, c.y, 0.0035), square(c.x + 0.002, c.y + 0.002, 0.002),
            square(c.x, c.y, 0.03), GeoJson.FACTORY.createPoint(c).buffer(0.004, 8));
        for (Geometry g : gs) {
          List<String> want = expected(layer, g);
          assertEquals(want, ids(layer.intersecting(g)), "site " + g);
          sites++;
          hits += want.size();
        }
      }
    }
    assertTrue(layer.preparedFeatures().size() > 0, "large features were tested through prepared copies");
    assertTrue(hits > sites, "the sites meet features: " + hits + " hits on " + sites + " sites");
  }

  @Test
  void preparedCopiesAreBoundedByVertices() {
    // a budget below what the large features hold together: the least recently used are dropped, the newest kept
    long budget = 100_000;
    PreparedFeatures p = new PreparedFeatures(budget);
    long total = 0;
    for (Feature f : large()) {
      if (f.geometry().getNumPoints() > budget) {
        assertNull(p.of(f), "a feature larger than the budget is never kept: " + f.id());
        continue;
      }
      PreparedGeometry g = p.of(f);
      assertNotNull(g, "a large feature is prepared: " + f.id());
      assertSame(g, p.of(f), "asked again at once, the same copy");
      assertSame(f.geometry(), g.getGeometry());
      assertTrue(p.vertices() <= budget, "kept " + p.vertices() + " vertices");
      total += f.geometry().getNumPoints();
    }
    assertTrue(total > budget, "the fixture's large features exceed the budget: " + total);
    assertTrue(p.size() > 0 && p.size() < large().size(), "some dropped, some kept: " + p.size());
    Feature small = new Feature("s", square(107, -6.5, 0.01), Map.of());
    assertNull(p.of(small), "a small feature is tested as it is");
  }

  @Test
  void aReloadedLayerNeverSeesTheOldPreparedCopy() {
    Feature big = large().get(0);
    LayerSpec spec = layer.spec();
    MemoryLayer before = MemoryLayer.of(spec, List.of(new Feature("1", big.geometry(), Map.of())));
    // the same id with the geometry moved by 1 degree east: a layer loaded again after an edit of its file
    Geometry moved = AffineTransformation.translationInstance(1, 0).transform(big.geometry());
    MemoryLayer after = MemoryLayer.of(spec, List.of(new Feature("1", moved, Map.of())));
    Coordinate c = big.geometry().getCoordinates()[0];
    Geometry site = square(c.x, c.y, 0.0035);
    assertEquals(List.of("1"), ids(before.intersecting(site)));
    assertEquals(1, before.preparedFeatures().size());
    assertNotEquals(before.version(), after.version());
    assertEquals(List.of(), ids(after.intersecting(site)), "the moved feature is not at the old place");
    Geometry movedSite = square(c.x + 1, c.y, 0.0035);
    assertEquals(List.of("1"), ids(after.intersecting(movedSite)));
    assertEquals(List.of(), ids(before.intersecting(movedSite)));
  }
}
