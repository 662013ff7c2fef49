package id.tapak.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Repairs keep the geometry family and never lose polygon area to a collection's nesting. */
class GeometryRepairTest {

  static Geometry wkt(String text) throws Exception {
    return new WKTReader().read(text);
  }

  @Test
  void bowTieBecomesAValidMultiPolygon() throws Exception {
    GeometryRepair.Result r = GeometryRepair.repair(wkt("POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))"));
    assertThat(r.repaired()).isTrue();
    assertThat(r.geometry()).isInstanceOf(MultiPolygon.class);
    assertThat(r.geometry().isValid()).isTrue();
    assertThat(r.geometry().getArea()).isEqualTo(2.0);
  }

  @Test
  void validGeometryIsReturnedAsIs() throws Exception {
    Geometry g = wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
    GeometryRepair.Result r = GeometryRepair.repair(g);
    assertThat(r.repaired()).isFalse();
    assertThat(r.geometry()).isSameAs(g);
  }

  @Test
  void singlePartMultiPolygonNestedInACollectionIsKept() throws Exception {
    // regression: a one-part MultiPolygon inside a collection used to be dropped (only parts > 1 were descended)
    Geometry fixed = wkt("GEOMETRYCOLLECTION(MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0))), LINESTRING(5 5, 6 6))");
    Geometry kept = GeometryRepair.sameFamily(wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), fixed);
    assertThat(kept).isInstanceOf(Polygon.class);
    assertThat(kept.getArea()).isEqualTo(1.0);
  }
}
