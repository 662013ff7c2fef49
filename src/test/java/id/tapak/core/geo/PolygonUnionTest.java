package id.tapak.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * {@link PolygonUnion} must give the robust union's answer whichever way it takes: the coverage union only where it
 * can be proven right, the robust union elsewhere. On real data, the pieces that sites cut out of the West Java RTRW
 * for 5 kab/kota ({@link id.tapak.SharedData#jabarKabkota()}: 787 polygons, the
 * layer a check's coverage and KPI unions run on), and on small cases where a coverage union alone would be wrong.
 */
class PolygonUnionTest {

  static Layer layer;

  @BeforeAll
  static void load() {
    layer = id.tapak.SharedData.jabarKabkota();
  }

  /** The part of {@code a} outside {@code b} plus the part of {@code b} outside {@code a}, in degrees². */
  static double symDiff(Geometry a, Geometry b) {
    return OverlayNGRobust.overlay(a, b, OverlayNG.SYMDIFFERENCE).getArea();
  }

  @Test
  void sameUnionAsTheRobustOneForSitesAcrossTheRealPlan() {
    Random random = new Random(11);
    Envelope extent = layer.bbox();
    int sites = 0;
    int fast = 0;
    int robust = 0;
    while (sites < 300) {
      // circles of 2-300 ha (radius 80 m to 1 km) anywhere in the layer's extent; 32-gons as a drawn site is
      double x = extent.getMinX() + random.nextDouble() * extent.getWidth();
      double y = extent.getMinY() + random.nextDouble() * extent.getHeight();
      double r = 0.0007 + random.nextDouble() * 0.009;
      Geometry site = GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)).buffer(r, 8);
      List<Geometry> pieces = new ArrayList<>();
      for (Feature f : layer.intersecting(site)) {
        Geometry p = OverlayNGRobust.overlay(site, f.geometry(), OverlayNG.INTERSECTION);
        if (!p.isEmpty() && p.getDimension() == 2) {
          pieces.add(p);
        }
      }
      if (pieces.size() < 2) {
        continue;
      }
      sites++;
      Geometry expected = OverlayNGRobust.union(GeoJson.FACTORY.buildGeometry(pieces));
      Geometry viaCoverage = PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(pieces));
      if (viaCoverage != null) {
        fast++;
      } else {
        robust++;
      }
      Geometry got = PolygonUnion.of(pieces, GeoJson.FACTORY);
      assertTrue(got.isValid(), "valid union at site " + sites);
      assertEquals(expected.getArea(), got.getArea(), 1e-9 * expected.getArea(), "area at site " + sites);
      assertTrue(symDiff(expected, got) <= 1e-9 * expected.getArea(), "same ground at site " + sites);
      assertEquals(GeodesicMeasure.hectares(expected), GeodesicMeasure.hectares(got),
          1e-6 * GeodesicMeasure.hectares(expected), "hectares at site " + sites);
    }
    // both ways are taken on real data (the counts are what this seed gives; the split shows neither is dead code)
    assertTrue(fast > 100, "coverage unions " + fast);
    assertTrue(robust > 0, "robust unions " + robust);
  }

  static Geometry wkt(String s) {
    try {
      return new WKTReader(GeoJson.FACTORY).read(s);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void adjacentSquaresSharingAnEdgeTakeTheCoverageUnion() {
    List<Geometry> tiles = List.of(wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"), wkt("POLYGON((1 0,2 0,2 1,1 1,1 0))"));
    Geometry u = PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(tiles));
    assertNotNull(u);
    assertEquals(2.0, u.getArea(), 1e-12);
    assertEquals(1, u.getNumGeometries(), "the shared edge cancels");
  }

  @Test
  void overlappingSquaresAreRefusedAndUnitedRobustly() {
    List<Geometry> overlap = List.of(wkt("POLYGON((0 0,2 0,2 2,0 2,0 0))"), wkt("POLYGON((1 1,3 1,3 3,1 3,1 1))"));
    assertNull(PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(overlap)));
    assertEquals(7.0, PolygonUnion.of(overlap, GeoJson.FACTORY).getArea(), 1e-12);
    // one square inside another: edges never cross, so only the area test tells
    List<Geometry> nested = List.of(wkt("POLYGON((0 0,4 0,4 4,0 4,0 0))"), wkt("POLYGON((1 1,2 1,2 2,1 2,1 1))"));
    assertNull(PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(nested)));
    assertEquals(16.0, PolygonUnion.of(nested, GeoJson.FACTORY).getArea(), 1e-12);
  }

  @Test
  void anUnnodedNeighbourIsRefusedAndUnitedRobustly() {
    // a T-junction: the right square's corner (1 0.5) lies on the left square's edge, which has no vertex there
    List<Geometry> t = List.of(wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"), wkt("POLYGON((1 0.5,2 0.5,2 1.5,1 1.5,1 0.5))"));
    assertNull(PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(t)));
    Geometry u = PolygonUnion.of(t, GeoJson.FACTORY);
    assertTrue(u.isValid());
    assertEquals(2.0, u.getArea(), 1e-12);
    assertEquals(1, u.getNumGeometries());
  }

  @Test
  void aGapBetweenTilesStaysAGap() {
    List<Geometry> gap = List.of(wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"), wkt("POLYGON((2 0,3 0,3 1,2 1,2 0))"));
    Geometry u = PolygonUnion.of(gap, GeoJson.FACTORY);
    assertEquals(2.0, u.getArea(), 1e-12);
    assertEquals(2, u.getNumGeometries());
    // a tile moved by a hair onto its neighbour overlaps it: refused, however small the overlap
    Geometry moved = AffineTransformation.translationInstance(-1e-4, 0).transform(gap.get(1));
    List<Geometry> touching = List.of(wkt("POLYGON((0 0,2 0,2 1,0 1,0 0))"), moved);
    assertNull(PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(touching)));
  }

  @Test
  void oneOrNoPolygonIsReturnedAsItIs() {
    Geometry one = wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))");
    assertSame(one, PolygonUnion.of(List.of(one), GeoJson.FACTORY));
    assertTrue(PolygonUnion.of(List.of(), GeoJson.FACTORY).isEmpty());
  }

  /**
   * {@link PolygonUnion#within}: the same ground as the robust union where plan sources overlap. 40 boxes of the size
   * a 2 km distance rule assesses (about 4.8 km a side) around conservation polygons of the province RTRW (6 589
   * polygons) within the kab/kota RTRW, with pieces of both, which overlap: the two unions apart by at most 1e-5 of
   * the box, and the coverage union not enough on most boxes.
   */
  @Test
  void withinIsTheUnionWherePlanSourcesOverlap() {
    Layer konservasi = id.tapak.core.catalog.CatalogLoader.loadLayer(id.tapak.SharedData.JABAR_PROJECT,
        new id.tapak.core.catalog.LayerSpec("konservasi", id.tapak.core.model.LocalizedText.of("Konservasi",
            "Conservation"), id.tapak.core.model.LayerRole.SPATIAL_PLAN, new id.tapak.core.source.SourceSpec(
            id.tapak.core.source.SourceType.GEOPACKAGE, "rtrwp_jabar_polaruang_layers.gpkg", "kawasan_konservasi",
            null), new id.tapak.core.catalog.FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null), null,
            null, null), id.tapak.SharedData.JABAR);
    Random random = new Random(2000);
    List<Feature> conservation = new ArrayList<>();
    konservasi.visit(layer.bbox(), f -> conservation.add(f));
    int boxes = 0;
    int overlapping = 0;
    for (int tries = 0; boxes < 40 && tries < 2_000; tries++) {
      // a box around a conservation polygon in the kab/kota plan's extent: pieces of both sources
      var c = conservation.get(random.nextInt(conservation.size())).geometry().getInteriorPoint().getCoordinate();
      Geometry box = GeoJson.FACTORY.toGeometry(new Envelope(c.x - 0.02175, c.x + 0.02175, c.y - 0.02175,
          c.y + 0.02175));
      List<Geometry> pieces = new ArrayList<>();
      int fromPlan = 0;
      for (Layer l : List.of(layer, konservasi)) {
        for (Feature f : l.intersecting(box)) {
          Geometry p = OverlayNGRobust.overlay(box, f.geometry(), OverlayNG.INTERSECTION);
          if (!p.isEmpty() && p.getDimension() == 2) {
            pieces.add(p);
            fromPlan += l == layer ? 1 : 0;
          }
        }
      }
      if (fromPlan == 0 || fromPlan == pieces.size()) {
        continue;
      }
      boxes++;
      Geometry within = PolygonUnion.within(box, pieces);
      Geometry robust = OverlayNGRobust.union(GeoJson.FACTORY.buildGeometry(pieces));
      if (PolygonUnion.coverageUnion(GeoJson.FACTORY.buildGeometry(pieces)) == null) {
        overlapping++;
      }
      assertTrue(symDiff(within, robust) <= 1e-5 * box.getArea(), "box " + boxes + ": "
          + symDiff(within, robust) / box.getArea() + " of the box apart");
      assertTrue(Math.abs(GeodesicMeasure.hectares(within) - GeodesicMeasure.hectares(robust))
          <= 1e-5 * GeodesicMeasure.hectares(box));
    }
    assertTrue(overlapping >= 10, overlapping + " boxes where the pieces overlap");
  }
}
