package id.tapak.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * {@link CoverageCells} against the union it replaces, on the real layers a distance rule's coverage runs on: boxes
 * of the size a 2 km rule assesses (about 4.8 km a side) around conservation polygons of the West Java province
 * RTRW, with the kab/kota RTRW beside it (the sources overlap), and boxes reaching past the plan's edge.
 */
class CoverageCellsTest {

  static Layer kabkota;
  static Layer konservasi;

  @BeforeAll
  static void load() {
    kabkota = id.tapak.SharedData.jabarKabkota();
    konservasi = id.tapak.core.catalog.CatalogLoader.loadLayer(id.tapak.SharedData.JABAR_PROJECT,
        new id.tapak.core.catalog.LayerSpec("konservasi", id.tapak.core.model.LocalizedText.of("Konservasi",
            "Conservation"), id.tapak.core.model.LayerRole.SPATIAL_PLAN, new id.tapak.core.source.SourceSpec(
            id.tapak.core.source.SourceType.GEOPACKAGE, "rtrwp_jabar_polaruang_layers.gpkg", "kawasan_konservasi",
            null), new id.tapak.core.catalog.FieldMapping(null, "NAMOBJ", "NAMOBJ", null, null, null, null), null,
            null, null), id.tapak.SharedData.JABAR);
  }

  /** The geometries of the layers meeting the box, in layer order. */
  static List<Geometry> meeting(Geometry box) {
    List<Geometry> out = new ArrayList<>();
    for (Layer l : List.of(kabkota, konservasi)) {
      for (Feature f : l.intersecting(box)) {
        out.add(f.geometry());
      }
    }
    return out;
  }

  /** Hectares of the box covered, as {@code CheckContext} computed it before: the pieces united within the box. */
  static double byUnion(Geometry box, List<Geometry> polygons) {
    List<Geometry> pieces = new ArrayList<>();
    for (Geometry g : polygons) {
      Geometry p = OverlayNGRobust.overlay(box, g, OverlayNG.INTERSECTION);
      if (!p.isEmpty() && p.getDimension() == 2) {
        pieces.add(p);
      }
    }
    return GeodesicMeasure.hectares(PolygonUnion.within(box, pieces));
  }

  @Test
  void theCellsCoverWhatTheUnionCovers() {
    Random random = new Random(2000);
    List<Feature> conservation = new ArrayList<>();
    konservasi.visit(kabkota.bbox(), conservation::add);
    Envelope plan = kabkota.bbox();
    CoverageCells cells = new CoverageCells(new CellClips());
    int boxes = 0;
    int partial = 0;
    for (int tries = 0; boxes < 40 && tries < 2_000; tries++) {
      var c = tries % 4 == 3
          // every fourth box on the edge of the kab/kota plan's extent: partly outside any plan polygon
          ? new org.locationtech.jts.geom.Coordinate(plan.getMinX() + random.nextDouble() * plan.getWidth(),
              plan.getMaxY())
          : conservation.get(random.nextInt(conservation.size())).geometry().getInteriorPoint().getCoordinate();
      Envelope env = new Envelope(c.x - 0.02175, c.x + 0.02175, c.y - 0.02175, c.y + 0.02175);
      Geometry box = GeoJson.FACTORY.toGeometry(env);
      List<Geometry> polygons = new ArrayList<>();
      for (Layer l : List.of(kabkota, konservasi)) {
        for (Feature f : l.candidates(CoverageCells.block(env))) {
          polygons.add(f.geometry());
        }
      }
      if (polygons.isEmpty()) {
        continue;
      }
      boxes++;
      double expected = byUnion(box, meeting(box));
      double boxHa = GeodesicMeasure.hectares(box);
      double got = cells.coveredHa("plan", env, polygons, GeoJson.FACTORY);
      assertEquals(expected, got, 1e-5 * boxHa, "box " + boxes + " at " + c);
      partial += expected < 0.999 * boxHa ? 1 : 0;
      // again: every cell kept, none computed, the same figure to the last bit
      long computed = cells.computed();
      assertEquals(got, cells.coveredHa("plan", env, polygons, GeoJson.FACTORY));
      assertEquals(computed, cells.computed(), "box " + boxes + ": its cells are kept");
      // the box one cell east (a site nearby): only the new column of cells is computed
      Envelope east = new Envelope(env.getMinX() + CoverageCells.CELL, env.getMaxX() + CoverageCells.CELL,
          env.getMinY(), env.getMaxY());
      List<Geometry> eastPolygons = new ArrayList<>();
      for (Layer l : List.of(kabkota, konservasi)) {
        for (Feature f : l.candidates(CoverageCells.block(east))) {
          eastPolygons.add(f.geometry());
        }
      }
      assertEquals(byUnion(GeoJson.FACTORY.toGeometry(east), meeting(GeoJson.FACTORY.toGeometry(east))),
          cells.coveredHa("plan", east, eastPolygons, GeoJson.FACTORY), 1e-5 * boxHa, "box " + boxes + " moved east");
      long rows = Math.round((CoverageCells.block(east).getHeight()) / CoverageCells.CELL);
      assertTrue(cells.computed() - computed <= rows, "box " + boxes + " moved east: "
          + (cells.computed() - computed) + " cells computed, at most the new column of " + rows);
    }
    assertEquals(40, boxes);
    assertTrue(partial >= 5, partial + " boxes partly outside the plan");
  }

  /**
   * A polygon is taken by identity: another object (a row edited, decoded afresh) computes again the cells it meets,
   * and only those; moved away, the ground it left is no longer covered.
   */
  @Test
  void anotherPolygonObjectComputesItsCellsAgain() {
    // two squares of 0.02 degrees side by side, the box over both and a margin
    Geometry west = GeoJson.FACTORY.toGeometry(new Envelope(107.0, 107.02, -6.52, -6.50));
    Geometry east = GeoJson.FACTORY.toGeometry(new Envelope(107.02, 107.04, -6.52, -6.50));
    Envelope env = new Envelope(106.995, 107.045, -6.525, -6.495);
    Geometry box = GeoJson.FACTORY.toGeometry(env);
    CoverageCells cells = new CoverageCells(new CellClips());
    double both = cells.coveredHa("plan", env, List.of(west, east), GeoJson.FACTORY);
    double squares = GeodesicMeasure.hectares(west) + GeodesicMeasure.hectares(east);
    // 1e-7: the cells add vertices on the squares' edges, and an edge is measured as a geodesic between vertices
    assertEquals(squares, both, 1e-7 * squares);
    long first = cells.computed();
    assertTrue(first >= 24, first + " cells"); // the block: 7 x 5 cells of 2^-7 degrees, all but the margin's

    // the east square moved 0.01 degrees east, as an edited row: another object
    Geometry moved = AffineTransformation.translationInstance(0.01, 0).transform(east);
    double after = cells.coveredHa("plan", env, List.of(west, moved), GeoJson.FACTORY);
    assertEquals(byUnion(box, List.of(west, moved)), after, 1e-7 * squares);
    assertTrue(after < both, "the part of the moved square beyond the box no longer counts");
    long again = cells.computed() - first;
    assertTrue(again > 0 && again < first, again + " of " + first + " cells computed again: only those of the east");

    // an empty list covers nothing; a budget of nothing keeps at most the last cell and still answers
    assertEquals(0, cells.coveredHa("plan", env, List.of(), GeoJson.FACTORY));
    CoverageCells none = new CoverageCells(new CellClips(), 0);
    assertEquals(both, none.coveredHa("plan", env, List.of(west, east), GeoJson.FACTORY));
  }

  /**
   * Two rules asking for the same cells with other layers (another scope) keep their own parts: neither pushes the
   * other's out, and each answers from its own polygons.
   */
  @Test
  void eachScopeKeepsItsOwnCells() {
    Geometry plan = GeoJson.FACTORY.toGeometry(new Envelope(107.0, 107.04, -6.52, -6.50));
    Geometry settlement = GeoJson.FACTORY.toGeometry(new Envelope(107.0, 107.01, -6.52, -6.50));
    Envelope env = new Envelope(106.995, 107.045, -6.525, -6.495);
    CoverageCells cells = new CoverageCells(new CellClips());
    double planHa = cells.coveredHa("plan", env, List.of(plan), GeoJson.FACTORY);
    double settlementHa = cells.coveredHa("settlement", env, List.of(settlement), GeoJson.FACTORY);
    assertEquals(GeodesicMeasure.hectares(plan), planHa, 1e-7 * planHa);
    assertEquals(GeodesicMeasure.hectares(settlement), settlementHa, 1e-7 * settlementHa);
    long computed = cells.computed();
    assertEquals(planHa, cells.coveredHa("plan", env, List.of(plan), GeoJson.FACTORY));
    assertEquals(settlementHa, cells.coveredHa("settlement", env, List.of(settlement), GeoJson.FACTORY));
    assertEquals(computed, cells.computed(), "both scopes' cells kept side by side");
  }
}
