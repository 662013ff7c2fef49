package id.tapak.core.publish.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.MemoryLayer;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.catalog.ProjectFile;
import id.tapak.core.catalog.ProjectInfo;
import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.model.TapakException;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documents without HTTP: links, paging arithmetic, extents, not-found answers. */
class FeaturesApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final BaseUrl BASE = new BaseUrl("https://tapak.example.id/");

  /** Ten points on a line, ids p0..p9, lon 110.0..110.9. */
  private static FeaturesApi api() {
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      fs.add(new Feature("p" + i, GeoJson.FACTORY.createPoint(new Coordinate(110 + i / 10.0, -7)), Map.of("n", i)));
    }
    LayerSpec spec = new LayerSpec("pts", LocalizedText.of("Titik", "Points"), LayerRole.PORT,
        new SourceSpec(SourceType.GEOJSON, "pts.geojson", null, null), null, null, null, null);
    ProjectFile pf = new ProjectFile(new ProjectInfo("t", LocalizedText.of("Uji", "Test")), List.of(spec), null);
    Catalog c = new Catalog(pf, Path.of("tapak.yml"), List.of(MemoryLayer.of(spec, fs)));
    return new FeaturesApi(c, Clock.fixed(Instant.parse("2026-11-23T10:00:00.123Z"), ZoneOffset.UTC));
  }

  private static JsonNode write(ItemsPage p) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.writeTo(out);
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static Optional<String> link(ItemsPage p, String rel) {
    return p.links().stream().filter(l -> l.rel().equals(rel)).map(Link::href).findFirst();
  }

  @Test
  void middlePageHasNextAndPrevKeepingTheFilter() throws Exception {
    ItemsPage p = api().items(BASE, ItemsRequest.parse("pts", "109,-8,111,-6", "3", "3"));
    assertEquals(List.of("p3", "p4", "p5"), p.features().stream().map(Feature::id).toList());
    assertEquals("https://tapak.example.id/ogc/collections/pts/items?limit=3&offset=6&bbox=109,-8,111,-6",
        link(p, "next").orElseThrow());
    assertEquals("https://tapak.example.id/ogc/collections/pts/items?limit=3&offset=0&bbox=109,-8,111,-6",
        link(p, "prev").orElseThrow());
    assertEquals("https://tapak.example.id/ogc/collections/pts", link(p, "collection").orElseThrow());
    JsonNode j = write(p);
    assertEquals("FeatureCollection", j.get("type").asString());
    assertEquals(10, j.get("numberMatched").asInt());
    assertEquals(3, j.get("numberReturned").asInt());
    assertEquals("2026-11-23T10:00:00Z", j.get("timeStamp").asString());
    assertEquals(5, j.get("links").size()); // self, alternate (HTML), next, prev, collection
  }

  @Test
  void lastPageHasNoNextAndFirstPageNoPrev() {
    ItemsPage last = api().items(BASE, ItemsRequest.parse("pts", null, "4", "8"));
    assertEquals(2, last.numberReturned());
    assertTrue(link(last, "next").isEmpty());
    assertEquals("https://tapak.example.id/ogc/collections/pts/items?limit=4&offset=4", link(last, "prev").get());
    ItemsPage first = api().items(BASE, ItemsRequest.parse("pts", null, "4", null));
    assertTrue(link(first, "prev").isEmpty());
    assertTrue(link(first, "next").isPresent());
  }

  @Test
  void offsetPastTheEndIsAnEmptyPageWhosePrevLeadsBack() {
    ItemsPage p = api().items(BASE, ItemsRequest.parse("pts", null, "5", "99999999999"));
    assertEquals(0, p.numberReturned());
    assertEquals(10, p.numberMatched());
    assertTrue(link(p, "next").isEmpty());
    assertEquals("https://tapak.example.id/ogc/collections/pts/items?limit=5&offset=5", link(p, "prev").get());
  }

  @Test
  void bboxFiltersAndCountsBeforePaging() {
    ItemsPage p = api().items(BASE, ItemsRequest.parse("pts", "110.25,-7.5,110.55,-6.5", "2", null));
    assertEquals(3, p.numberMatched());
    assertEquals(List.of("p3", "p4"), p.features().stream().map(Feature::id).toList());
  }

  @Test
  void collectionCarriesCrs84ExtentAndItemsLink() throws Exception {
    CollectionInfo c = api().collection(BASE, "pts");
    JsonNode j = JSON.valueToTree(c);
    assertEquals("[[110.0,-7.0,110.9,-7.0]]", j.at("/extent/spatial/bbox").toString());
    assertEquals(MediaTypes.CRS84, j.at("/extent/spatial/crs").asString());
    assertEquals("feature", j.get("itemType").asString());
    assertTrue(c.links().contains(Link.of("https://tapak.example.id/ogc/collections/pts/items", "items",
        MediaTypes.GEOJSON, "The features")));
    assertFalse(j.has("description"), "null members are left out");
  }

  @Test
  void unknownCollectionAndFeatureAreNotFoundNamingTheParameter() {
    TapakException c = assertThrows(TapakException.class, () -> api().collection(BASE, "nope"));
    assertEquals(TapakException.Kind.NOT_FOUND, c.kind());
    assertEquals("collectionId", c.field());
    TapakException f = assertThrows(TapakException.class, () -> api().item(BASE, "pts", "p99"));
    assertEquals("featureId", f.field());
  }

  @Test
  void baseUrlRefusesRelativeOrQueriedRoots() {
    assertThrows(IllegalArgumentException.class, () -> new BaseUrl("/ogc"));
    assertThrows(IllegalArgumentException.class, () -> new BaseUrl("ftp://x/"));
    assertThrows(IllegalArgumentException.class, () -> new BaseUrl("http://x/?a=b"));
    assertEquals("http://x:8080/proxy/ogc", new BaseUrl("http://x:8080/proxy//").resolve("/ogc"));
    assertEquals("a%20b%2Fc", BaseUrl.segment("a b/c"));
  }
}
