package id.tapak.core.source.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** RFC 7946 GeoJSON, the legacy 2008 crs member (as GDAL writes with RFC7946=NO), and broken files. */
class GeoJsonSourceTest {

  static final Path DIR = Path.of("src/test/resources/fixtures/sources");

  static List<SourceFeature> readAll(Path file) {
    List<SourceFeature> out = new ArrayList<>();
    new GeoJsonSource(file).read(out::add);
    return out;
  }

  @Test
  void readsRfc7946() {
    GeoJsonSource source = new GeoJsonSource(DIR.resolve("estates.geojson"));
    assertThat(source.describe().fieldNames()).containsExactly("kode", "nama", "luas_ha", "tahun", "status");
    assertThat(source.describe().epsg()).hasValue(4326);
    List<SourceFeature> fs = readAll(DIR.resolve("estates.geojson"));
    assertThat(fs).extracting(SourceFeature::id).containsExactly("1", "2", "3");
    assertThat(fs.get(0).properties()).containsEntry("nama", "Kawasan Gedung Saté").containsEntry("tahun", 1990L)
        .containsEntry("luas_ha", 480.25);
    assertThat(fs.get(2).properties()).containsEntry("luas_ha", null);
    assertThat(((Polygon) fs.get(0).geometry()).getNumInteriorRing()).isEqualTo(1);
    assertThat(fs.get(2).geometry()).isInstanceOf(MultiPolygon.class);
  }

  @Test
  void legacyCrsMemberDeclaresUtm49s() {
    Path file = DIR.resolve("estates_32749.geojson");
    assertThat(new GeoJsonSource(file).describe().epsg()).hasValue(32749);
    List<SourceFeature> utm = readAll(file);
    List<SourceFeature> wgs84 = readAll(DIR.resolve("estates.geojson"));
    GeometryTransform back = CrsRegistry.transform(32749, CrsRegistry.WGS84);
    for (int i = 0; i < wgs84.size(); i++) {
      Geometry g = back.apply(utm.get(i).geometry());
      // the file keeps millimetres (COORDINATE_PRECISION=3): 1e-7 degrees is about 1 cm
      assertThat(DiscreteHausdorffDistance.distance(g, wgs84.get(i).geometry())).as("feature %d: %s", i, g)
          .isLessThan(1e-7);
    }
  }

  @Test
  void badJsonNamesTheFile(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("rusak.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
    assertThatThrownBy(() -> new GeoJsonSource(bad).describe())
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(bad + ": not readable as JSON");
    Path notGeoJson = Files.writeString(tmp.resolve("array.geojson"), "[1, 2, 3]");
    assertThatThrownBy(() -> new GeoJsonSource(notGeoJson).describe())
        .isInstanceOf(SourceException.class).hasMessageContaining("array.geojson").hasMessageContaining("\"type\"");
  }

  @Test
  void unsupportedLegacyCrsNamesTheFile(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("lambert.geojson"), """
        {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
         "features": []}
        """);
    assertThatThrownBy(() -> new GeoJsonSource(file).describe()).isInstanceOf(SourceException.class)
        .hasMessageContaining("lambert.geojson").hasMessageContaining("unsupported CRS 'EPSG:2154'");
  }

  @Test
  void brokenGeometriesAreNullNotFatal() {
    List<SourceFeature> fs = readAll(DIR.resolve("invalid.geojson"));
    assertThat(fs).extracting(SourceFeature::id).containsExactly("bowtie", "valid", "nogeom");
    assertThat(fs.get(2).geometry()).isNull();
  }

  @Test
  void unclosedRingGivesNullGeometry(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("open.geojson"), """
        {"type": "Feature", "properties": {"nama": "terbuka"},
         "geometry": {"type": "Polygon", "coordinates": [[[112.6, -7.5], [112.7, -7.5], [112.7, -7.4], [112.6, -7.4]]]}}
        """);
    List<SourceFeature> fs = readAll(file);
    assertThat(fs).hasSize(1);
    assertThat(fs.get(0).geometry()).isNull();
    assertThat(fs.get(0).properties()).containsEntry("nama", "terbuka");
  }
}
