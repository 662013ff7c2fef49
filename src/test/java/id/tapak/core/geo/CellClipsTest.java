package id.tapak.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * {@link CellClips} must give {@code site ∩ polygon} exactly as the direct overlay does: on the real West Java kab/kota
 * RTRW ({@link id.tapak.SharedData#jabarKabkota()}: dissolved plan polygons of up to ~13 600 vertices), for 600 sites
 * of 2–300 ha anywhere in the layer, the same vertices (normalised, so only where each ring starts may differ) and
 * so the same hectares; and its cache reuses a cut for a nearby site and stays within its vertex budget.
 */
class CellClipsTest {

  static Layer layer;

  @BeforeAll
  static void load() {
    layer = id.tapak.SharedData.jabarKabkota();
  }

  static Geometry circle(double x, double y, double r) {
    return GeoJson.FACTORY.createPoint(new Coordinate(x, y)).buffer(r, 8);
  }

  @Test
  void sameIntersectionAsTheDirectOverlayAcrossTheRealPlan() {
    CellClips clips = new CellClips();
    Random random = new Random(29);
    Envelope extent = layer.bbox();
    int large = 0;
    int cut = 0;
    for (int i = 0; i < 600; i++) {
      double r = 0.0007 + random.nextDouble() * 0.009;
      Geometry site = circle(extent.getMinX() + random.nextDouble() * extent.getWidth(),
          extent.getMinY() + random.nextDouble() * extent.getHeight(), r);
      for (Feature f : layer.intersecting(site)) {
        Geometry expected = OverlayNGRobust.overlay(site, f.geometry(), OverlayNG.INTERSECTION);
        Geometry got = clips.intersection(site, f.geometry());
        if (f.geometry().getNumPoints() >= CellClips.LARGE) {
          large++;
          if (clips.near(f.geometry(), site.getEnvelopeInternal()) != f.geometry()) {
            cut++;
          }
        }
        assertTrue(expected.norm().equalsExact(got.norm()), "site " + i + ", feature " + f.id() + ": "
            + expected.getNumPoints() + " vs " + got.getNumPoints() + " vertices");
        assertEquals(GeodesicMeasure.hectares(expected), GeodesicMeasure.hectares(got), 1e-9);
      }
    }
    assertTrue(large >= 80 && cut >= 80, "large polygons met " + large + ", cut " + cut);
    assertTrue(clips.vertices() <= CellClips.BUDGET);
  }

  @Test
  void aNearbySiteReusesTheCutAndTheBudgetHolds() {
    Feature big = null;
    for (Feature f : layer.intersecting(layer.bbox())) {
      if (big == null || f.geometry().getNumPoints() > big.geometry().getNumPoints()) {
        big = f;
      }
    }
    Geometry polygon = big.geometry();
    Coordinate inside = polygon.getInteriorPoint().getCoordinate();
    CellClips clips = new CellClips();
    Geometry first = clips.near(polygon, circle(inside.x, inside.y, 0.004).getEnvelopeInternal());
    assertNotSame(polygon, first, "a " + polygon.getNumPoints() + "-vertex polygon is cut");
    assertTrue(first.getNumPoints() < polygon.getNumPoints() / 4, first.getNumPoints() + " vertices kept");
    // a site of the same size 20 m away lies in the same block of cells
    assertSame(first, clips.near(polygon, circle(inside.x + 0.0002, inside.y, 0.004).getEnvelopeInternal()));
    assertEquals(1, clips.size());
    Geometry small = circle(inside.x, inside.y, 0.001);
    assertSame(small, clips.near(small, small.getEnvelopeInternal()), "a small polygon is used as it is");

    CellClips tight = new CellClips(first.getNumPoints() + 1);
    Random random = new Random(3);
    for (int i = 0; i < 20; i++) {
      Envelope around = circle(inside.x + (random.nextDouble() - 0.5) * 0.2, inside.y
          + (random.nextDouble() - 0.5) * 0.2, 0.004).getEnvelopeInternal();
      tight.near(polygon, around);
      assertTrue(tight.vertices() <= first.getNumPoints() + 1, "the budget bounds the cuts kept");
    }
  }
}
