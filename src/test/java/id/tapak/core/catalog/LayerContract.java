package id.tapak.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.geo.GeoJson;
import id.tapak.core.model.Feature;
import id.tapak.core.model.GeometryKind;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.source.SourceSpec;
import id.tapak.core.source.SourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The {@link Layer} contract, run against every implementation ({@link MemoryLayerContractTest},
 * {@code PostgisLayerContractTest}, {@link ComputedLayerContractTest}, the check store's site layers
 * {@code SqliteCheckLayerContractTest} and {@code PostgisCheckLayerContractTest}) on the same four features: what a
 * caller sees must not depend on where the features live. Feature 2 is a triangle, so a box can meet its envelope
 * without meeting it. A layer with fields of its own (the check sites) holds the fixture under its own names:
 * {@link #field} and {@link #value} say how.
 */
public abstract class LayerContract {

  /** Four features in EPSG:4326 lon/lat, ids 1..4, attributes kode (text), kelas (text), luas (integer). */
  public static final List<Feature> FIXTURE = List.of(
      feature("1", "POLYGON ((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52))", "A", "KPI", 10),
      feature("2", "POLYGON ((112.63 -7.55, 112.65 -7.55, 112.63 -7.53, 112.63 -7.55))", "B", "LP2B", 20),
      feature("3", "POLYGON ((112.70 -7.60, 112.72 -7.60, 112.72 -7.58, 112.70 -7.58, 112.70 -7.60))", "C", "KPI", 30),
      feature("4", "POLYGON ((113.00 -7.00, 113.01 -7.00, 113.01 -6.99, 113.00 -6.99, 113.00 -7.00))", "D", "Hutan",
          40));

  public static final LayerSpec SPEC = new LayerSpec("contract", LocalizedText.of("Kontrak", "Contract"),
      LayerRole.SPATIAL_PLAN, new SourceSpec(SourceType.GEOJSON, "inline", null, null), null, null, null, null);

  /** The implementation under test, holding {@link #FIXTURE}. */
  protected abstract Layer layer(List<Feature> features) throws Exception;

  private Layer layer;

  /** The layer's name of a fixture attribute ({@code kode}, {@code kelas}, {@code luas}); the same by default. */
  protected String field(String fixtureField) {
    return fixtureField;
  }

  /** The layer's value of a fixture attribute's value; the same by default. */
  protected Object value(String fixtureField, Object fixtureValue) {
    return fixtureValue;
  }

  /** The layer's field names in order; the fixture's by default. */
  protected List<String> fieldNames() {
    return List.of("kode", "kelas", "luas");
  }

  private Object kelas(String k) {
    return value("kelas", k);
  }

  @BeforeEach
  void open() throws Exception {
    layer = layer(FIXTURE);
  }

  static Feature feature(String id, String wkt, String kode, String kelas, int luas) {
    try {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("kode", kode);
      p.put("kelas", kelas);
      p.put("luas", luas);
      return new Feature(id, new WKTReader(GeoJson.FACTORY).read(wkt), p);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> ids(List<Feature> fs) {
    return fs.stream().map(Feature::id).toList();
  }

  @Test
  void countExtentAndSchema() {
    assertThat(layer.count()).isEqualTo(4);
    assertThat(layer.bbox()).isEqualTo(new Envelope(112.60, 113.01, -7.60, -6.99));
    assertThat(layer.fieldNames()).containsExactlyElementsOf(fieldNames());
    assertThat(layer.geometryKind()).isEqualTo(GeometryKind.POLYGON);
    assertThat(layer.sourceEpsg()).isEqualTo(4326);
    assertThat(layer.skippedCount()).isZero();
    assertThat(layer.available()).isTrue();
    assertThat(layer.version()).as("no edit, same version").isEqualTo(layer.version());
  }

  @Test
  void envelopeCandidatesAndExactIntersects() {
    // a box in the empty corner of the triangle: its envelope is met, the triangle is not
    Envelope corner = new Envelope(112.645, 112.65, -7.535, -7.53);
    assertThat(ids(layer.candidates(corner))).containsExactly("2");
    assertThat(layer.intersecting(corner)).isEmpty();
    Envelope two = new Envelope(112.61, 112.64, -7.54, -7.51);
    assertThat(ids(layer.candidates(two))).containsExactly("1", "2");
    assertThat(ids(layer.intersecting(two))).containsExactly("1", "2");
    Geometry far = GeoJson.FACTORY.toGeometry(new Envelope(100, 101, 0, 1));
    assertThat(layer.intersecting(far)).isEmpty();
  }

  @Test
  void featureByIdWithItsAttributes() {
    Feature three = layer.feature("3").orElseThrow();
    assertThat(three.properties()).containsEntry(field("kode"), value("kode", "C"))
        .containsEntry(field("kelas"), kelas("KPI")).containsEntry(field("luas"), value("luas", 30));
    assertThat(three.geometry().getEnvelopeInternal()).isEqualTo(new Envelope(112.70, 112.72, -7.60, -7.58));
    assertThat(layer.feature("99")).isEmpty();
    assertThat(layer.feature("not-a-number")).isEmpty();
  }

  @Test
  void pagesInLayerOrder() {
    FeaturePage p = layer.query(new FeatureQuery(null, 2, 1));
    assertThat(ids(p.features())).containsExactly("2", "3");
    assertThat(p.numberMatched()).isEqualTo(4);
    FeaturePage inBox = layer.query(new FeatureQuery(new Envelope(112.59, 112.73, -7.61, -7.49), 10, 0));
    assertThat(ids(inBox.features())).containsExactly("1", "2", "3");
    assertThat(inBox.numberMatched()).isEqualTo(3);
    FeaturePage corner = layer.query(new FeatureQuery(new Envelope(112.645, 112.65, -7.535, -7.53), 10, 0));
    assertThat(corner.numberMatched()).as("bbox queries are exact").isZero();
    assertThat(layer.query(new FeatureQuery(null, 10, 10)).features()).isEmpty();
  }

  @Test
  void streamsAndStops() {
    List<String> all = new ArrayList<>();
    layer.scan(f -> all.add(f.id()));
    assertThat(all).containsExactly("1", "2", "3", "4");
    List<String> first = new ArrayList<>();
    layer.scan(f -> {
      first.add(f.id());
      return false;
    });
    assertThat(first).containsExactly("1");
    assertThat(layer.anyMatch(f -> kelas("Hutan").equals(f.properties().get(field("kelas"))))).isTrue();
    assertThat(layer.anyMatch(f -> kelas("Sawah").equals(f.properties().get(field("kelas"))))).isFalse();
  }

  @Test
  void nearestAndDistinctValues() {
    Geometry nearFour = GeoJson.FACTORY.createPoint(new Coordinate(113.02, -6.98));
    assertThat(ids(layer.nearest(nearFour, 1))).containsExactly("4");
    assertThat(ids(layer.nearest(nearFour, 2))).containsExactlyInAnyOrder("4", "1");
    assertThat(layer.distinctValues(field("kelas"), 10)).containsExactlyInAnyOrder(kelas("KPI"), kelas("LP2B"),
        kelas("Hutan"));
    assertThat(layer.distinctValues(field("kelas"), 1)).hasSize(1);
    assertThat(layer.distinctValues("no_such_field", 10)).isEmpty();
  }
}
