package id.tapak.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Layer ids: snake_case as before, and GeoServer-style {@code workspace:Layer} names, nothing that needs escaping. */
class LayerSpecIdTest {

  private static LayerSpec spec(String id) {
    return new LayerSpec(id, LocalizedText.of("a", "a"), LayerRole.ADMIN,
        new SourceSpec(SourceType.GEOJSON, "a.geojson", null, null), null, null, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"estates", "rtrw_pola_ruang", "cite:Lakes", "cite:BasicPolygons", "ws-1:Road_Segments",
      "Lakes"})
  void acceptsSnakeCaseAndNamespacedMixedCase(String id) {
    assertEquals(id, spec(id).id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "a b", "a:b:c", ":a", "a:", "a/b", "a<b", "a&b", "a\"b", "a%20", "a.b", "é",
      "a?b", "a#b"})
  void refusesWhatIsNotSafeInUrlsAndXml(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(id));
    assertEquals(true, e.getMessage().contains("namespace prefix"), e.getMessage());
  }
}
