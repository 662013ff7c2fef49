package id.tapak.core.publish.features.filter;

import id.tapak.core.catalog.LayerFeatures;
import id.tapak.core.publish.WildcardMatcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.model.Feature;
import id.tapak.core.publish.features.CrsRef;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CQL2 text and JSON on the seven test estates of {@code src/test/resources/projects/ogc} (estates.csv: e1 120.5 ha,
 * e2 80, e3 45.25, e4 60, e5 70, e6 90, e7 320 in Batam). Each filter's answer is compared with the same predicate
 * written in Java over the features, and a few with the ids read off the CSV.
 */
class Cql2Test {

  private static Layer estates;
  private static Queryables names;

  @BeforeAll
  static void load() {
    Catalog c = CatalogLoader.load(Path.of("src/test/resources/projects/ogc/tapak.yml"));
    estates = c.layer("estates").orElseThrow();
    names = Queryables.of(estates);
  }

  private static List<String> text(String cql) {
    return ids(new Cql2Filter(Cql2Text.parse(cql, names, CrsRef.CRS84)));
  }

  private static List<String> json(String cql) {
    return ids(new Cql2Filter(Cql2Json.parse(cql, names, CrsRef.CRS84)));
  }

  private static List<String> ids(Predicate<Feature> p) {
    return LayerFeatures.all(estates).stream().filter(p).map(Feature::id).toList();
  }

  private static double area(Feature f) {
    return ((Number) f.properties().get("area_ha")).doubleValue();
  }

  @Test
  void queryablesAreTheAttributesTypedFromTheirValues() {
    assertEquals("number", names.types().get("area_ha"));
    assertEquals("string", names.types().get("name"));
    assertEquals("geometry-polygon-or-multipolygon", names.geometryFormat());
  }

  @Test
  void comparisonsAndLogicMatchTheSamePredicateInJava() {
    assertEquals(ids(f -> area(f) >= 60 && area(f) < 100), text("area_ha >= 60 AND area_ha < 100"));
    assertEquals(List.of("e2", "e4", "e5", "e6"), text("area_ha >= 60 AND area_ha < 100"));
    assertEquals(ids(f -> area(f) < 50 || area(f) > 300), text("area_ha < 50 OR area_ha > 300"));
    assertEquals(ids(f -> !(area(f) <= 80)), text("NOT (area_ha <= 80)"));
    assertEquals(ids(f -> area(f) != 80), text("area_ha <> 80"));
    assertEquals(List.of("e2"), text("name = 'Estate two'"));
    assertEquals(text("(area_ha > 50 AND area_ha < 100) OR name = 'Estate three'"),
        ids(f -> (area(f) > 50 && area(f) < 100) || "Estate three".equals(f.properties().get("name"))));
  }

  @Test
  void likeInBetweenAndIsNull() {
    assertEquals(List.of("e1", "e2", "e3", "e4", "e5", "e6"), text("name LIKE 'Estate %'"));
    assertEquals(List.of("e2", "e3"), text("name LIKE 'Estate t%'"));
    assertEquals(List.of("e4", "e5"), text("name LIKE 'Estate f___'"));
    assertEquals(List.of("e7"), text("name NOT LIKE 'Estate%'"));
    assertEquals(List.of("e2", "e4"), text("area_ha IN (60, 80, 1000)"));
    assertEquals(ids(f -> area(f) >= 60 && area(f) <= 90), text("area_ha BETWEEN 60 AND 90"));
    assertEquals(List.of(), text("name IS NULL"));
    assertEquals(7, text("name IS NOT NULL").size());
  }

  @Test
  void sIntersectsWithAWktPolygonOrBbox() {
    // a box over e2 and e3 (112.66–112.75 E, 7.30–7.26 S) only
    String box = "POLYGON((112.665 -7.29, 112.72 -7.29, 112.72 -7.27, 112.665 -7.27, 112.665 -7.29))";
    assertEquals(List.of("e2", "e3"), text("S_INTERSECTS(geometry, " + box + ")"));
    assertEquals(List.of("e2", "e3"), text("S_INTERSECTS(geometry, BBOX(112.665, -7.29, 112.72, -7.27))"));
    assertEquals(List.of("e3"), text("S_INTERSECTS(geometry, " + box + ") AND area_ha < 50"));
    // e1's hole (112.61–112.64) holds no part of e1: a point there intersects nothing
    assertEquals(List.of(), text("S_INTERSECTS(geometry, POINT(112.625 -7.275))"));
    // in UTM 49S metres (filter-crs): the same box, about (684 000, 9 193 000)
    CrsRef utm = CrsRef.parse("http://www.opengis.net/def/crs/EPSG/0/32749", "filter-crs");
    List<String> inUtm = ids(new Cql2Filter(Cql2Text.parse(
        "S_INTERSECTS(geometry, BBOX(684000, 9193000, 684100, 9193100))", names, utm)));
    assertTrue(inUtm.size() <= 1, inUtm.toString());
  }

  @Test
  void jsonEncodingMeansTheSame() {
    assertEquals(text("area_ha >= 60 AND area_ha < 100"), json(
        "{\"op\":\"and\",\"args\":[{\"op\":\">=\",\"args\":[{\"property\":\"area_ha\"},60]},"
            + "{\"op\":\"<\",\"args\":[{\"property\":\"area_ha\"},100]}]}"));
    assertEquals(List.of("e2", "e3"), json("{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Estate t%\"]}"));
    assertEquals(List.of("e2", "e4"), json("{\"op\":\"in\",\"args\":[{\"property\":\"area_ha\"},[60,80]]}"));
    assertEquals(List.of("e7"), json("{\"op\":\"not\",\"args\":[{\"op\":\"between\",\"args\":"
        + "[{\"property\":\"area_ha\"},0,200]}]}"));
    assertEquals(List.of("e2", "e3"), json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
        + "{\"type\":\"Polygon\",\"coordinates\":[[[112.665,-7.29],[112.72,-7.29],[112.72,-7.27],[112.665,-7.27],"
        + "[112.665,-7.29]]]}]}"));
    assertEquals(List.of(), json("{\"op\":\"isNull\",\"args\":[{\"property\":\"name\"}]}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "area_ha >>> 3|position 10",
      "nosuch = 1|unknown queryable 'nosuch'; see the collection's queryables at position 1",
      "area_ha = |the end of the filter",
      "(area_ha = 1|expected ')'",
      "name LIKE 3|LIKE needs a 'quoted' pattern at position 11",
      "name = 'open|unterminated string",
      "S_INTERSECTS(geometry, POLYGON((1 2, 3)))|not valid WKT",
      "area_ha = 1 AND|position 16",
      "area_ha = 1 xyz|unexpected 'xyz' at position 13"})
  void badTextNamesWhatAndWhere(String cql, String expected) {
    FilterException e = assertThrows(FilterException.class, () -> Cql2Text.parse(cql, names, CrsRef.CRS84));
    assertTrue(e.getMessage().startsWith("filter: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void badJsonNamesThePath() {
    FilterException e = assertThrows(FilterException.class, () -> Cql2Json.parse(
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"x\"},1]},true]}", names, CrsRef.CRS84));
    assertTrue(e.getMessage().contains("unknown queryable 'x'; see the collection's queryables at $.args[0].args[0]"),
        e.getMessage());
    assertTrue(assertThrows(FilterException.class, () -> Cql2Json.parse("{\"op\":\"eval\",\"args\":[]}", names,
        CrsRef.CRS84)).getMessage().contains("unsupported operator 'eval'"));
    assertTrue(assertThrows(FilterException.class, () -> Cql2Json.parse("{not json", names, CrsRef.CRS84))
        .getMessage().contains("not valid JSON"));
  }

  @Test
  void depthAndLengthAreBounded() {
    String deep = "(".repeat(200) + "area_ha = 1" + ")".repeat(200);
    assertTrue(assertThrows(FilterException.class, () -> Cql2Text.parse(deep, names, CrsRef.CRS84)).getMessage()
        .contains("deeper than 64"));
    String nots = "NOT ".repeat(100) + "area_ha = 1";
    assertThrows(FilterException.class, () -> Cql2Text.parse(nots, names, CrsRef.CRS84));
    String longOne = "name = '" + "x".repeat(Cql2Text.MAX_LENGTH) + "'";
    assertTrue(assertThrows(FilterException.class, () -> Cql2Text.parse(longOne, names, CrsRef.CRS84))
        .getMessage().contains("longer than"));
    String deepJson = "{\"op\":\"not\",\"args\":[".repeat(100) + "true" + "]}".repeat(100);
    assertThrows(FilterException.class, () -> Cql2Json.parse(deepJson, names, CrsRef.CRS84));
  }

  @Test
  void likeNeverBacktracksWithoutBound() {
    // a pattern that makes a backtracking regex take exponential time: here at most pattern × text steps
    WildcardMatcher p = Cql2Filter.like("%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%a%b");
    assertEquals(false, p.matches("a".repeat(5000)));
    assertTrue(Cql2Filter.like("a\\%b_").matches("a%bc"));
    assertEquals(false, Cql2Filter.like("a\\%b_").matches("axbc"));
    assertTrue(Cql2Filter.like("%").matches(""));
  }
}
