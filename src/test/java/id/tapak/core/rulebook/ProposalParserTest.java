package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.TapakException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Proposal parsing: what is accepted, what is repaired, and how refusals name the field. */
class ProposalParserTest {

  static final ProposalParser PARSER = new ProposalParser(new ProposalLimits(100, 10_000, 5));
  static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[112.6,-7.2],[112.607,-7.2],[112.607,-7.193],"
      + "[112.6,-7.193],[112.6,-7.2]]]}";

  static Proposal parse(String json) {
    return PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static TapakException refuse(String json) {
    return assertThrows(TapakException.class, () -> parse(json));
  }

  @Test
  void featureWithPropertiesAndDefaults() {
    Proposal p = parse("{\"type\":\"Feature\",\"properties\":{\"name\":\"A\",\"kind\":\"Expansion\","
        + "\"special_case\":\"small_kpi_patch\",\"ikm_ha\":1.5,\"x\":1},\"geometry\":" + SQUARE + "}");
    assertEquals("A", p.name());
    assertEquals(Proposal.Kind.EXPANSION, p.kind());
    assertEquals(Proposal.SpecialCase.SMALL_KPI_PATCH, p.specialCase());
    assertEquals(1.5, p.ikmHa());
    assertNull(p.industrialPlotHa());
    assertTrue(p.notes().get(0).contains("properties.x"));
    assertEquals(59.8, GeodesicMeasure.hectares(p.site()), 0.1);
  }

  @Test
  void collectionWithZonesAndABareGeometry() {
    Proposal p = parse("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
        + "{\"use\":\"RTH\"},\"geometry\":" + SQUARE + "},{\"type\":\"Feature\",\"properties\":null,\"geometry\":"
        + SQUARE + "}]}");
    assertEquals(1, p.zones(Proposal.ZoneUse.GREEN_SPACE).size());
    assertEquals(Proposal.Kind.NEW, p.kind());
    assertEquals(Proposal.Kind.NEW, parse(SQUARE).kind());
  }

  @Test
  void bowTieIsRepairedAndNoted() {
    Proposal p = parse("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[112.60,-7.20],[112.61,-7.19],[112.61,-7.20],[112.60,-7.19],[112.60,-7.20]]]}}");
    assertTrue(p.notes().get(0).contains("Self-intersection") && p.notes().get(0).contains("lon 112.605"),
        p.notes().toString());
    assertTrue(p.site().isValid());
  }

  @Test
  void refusalsNameTheField() {
    assertEquals("body", refuse("hello").field());
    assertEquals(TapakException.Kind.BAD_REQUEST, refuse("hello").kind());
    TapakException swapped = refuse("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[-7.2,112.6],[-7.2,112.607],[-7.193,112.607],[-7.2,112.6]]]}}");
    assertEquals("geometry.coordinates", swapped.field());
    assertTrue(swapped.getMessage().contains("swapped"), swapped.getMessage());
    TapakException far = refuse("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[10,50],[10.1,50],[10.1,50.1],[10,50]]]}}");
    assertTrue(!far.getMessage().contains("swapped"), far.getMessage());
    assertEquals("features[1].properties.use", refuse("{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "},{\"type\":\"Feature\",\"properties\":"
        + "{\"use\":\"casino\"},\"geometry\":" + SQUARE + "}]}").field());
    assertEquals(TapakException.Kind.TOO_LARGE, refuse("{\"type\":\"FeatureCollection\",\"features\":["
        + ",{}".repeat(6).substring(1) + "]}").kind());
    assertEquals(TapakException.Kind.TOO_LARGE,
        assertThrows(TapakException.class, () -> PARSER.parse(new byte[20_000])).kind());
  }
}
