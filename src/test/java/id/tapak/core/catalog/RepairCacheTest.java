package id.tapak.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.geo.GeometryRepair;
import id.tapak.core.model.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The repair side file ({@link RepairCache}) through {@link CatalogLoader#load(Path, Path)}: a restart on unchanged
 * data serves exactly what a load without it serves; an edited source is never served from it, even when the edit
 * keeps the file's size and modification time; a damaged file is ignored. The sources are GeoJSON written here
 * (a bow-tie, a valid square, a zero-area sliver that repairs to nothing, a feature without geometry).
 */
class RepairCacheTest {

  @TempDir
  Path dir;

  static final String BOWTIE_A = "[[112.60,-7.60],[112.62,-7.58],[112.62,-7.60],[112.60,-7.58],[112.60,-7.60]]";
  /** The same bytes' length as A, one vertex pair moved: another repair. */
  static final String BOWTIE_B = "[[112.60,-7.60],[112.63,-7.58],[112.63,-7.60],[112.60,-7.58],[112.60,-7.60]]";

  Path source(String bowtie) throws IOException {
    return Files.writeString(dir.resolve("plan.geojson"), """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "bowtie", "properties": {"k": "a"}, "geometry": {"type": "Polygon",
            "coordinates": [%s]}},
          {"type": "Feature", "id": "square", "properties": {"k": "b"}, "geometry": {"type": "Polygon",
            "coordinates": [[[112.64,-7.60],[112.65,-7.60],[112.65,-7.59],[112.64,-7.59],[112.64,-7.60]]]}},
          {"type": "Feature", "id": "sliver", "properties": {"k": "c"}, "geometry": {"type": "Polygon",
            "coordinates": [[[112.66,-7.60],[112.67,-7.60],[112.68,-7.60],[112.66,-7.60]]]}},
          {"type": "Feature", "id": "nogeom", "properties": {"k": "d"}, "geometry": null}
        ]}
        """.formatted(bowtie));
  }

  Path project() throws IOException {
    return Files.writeString(dir.resolve("tapak.yml"), "project: {id: t, title: {id: Uji, en: Test}}\nlayers:\n"
        + "  - id: plan\n    title: {id: Lapisan, en: Layer}\n    role: protected\n"
        + "    source: {type: geojson, path: " + dir.resolve("plan.geojson") + "}\n");
  }

  Path cache() {
    return dir.resolve("cache");
  }

  Layer load(Path project, Path cacheDir) {
    return CatalogLoader.load(project, cacheDir).layer("plan").orElseThrow();
  }

  static Geometry wkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The polygon of a GeoJSON ring {@code [[x,y],...]}, as the GeoJSON reader builds it. */
  static Geometry ring(String coords) {
    List<String> pts = java.util.Arrays.stream(coords.substring(2, coords.length() - 2).split("\\],\\["))
        .map(p -> p.replace(',', ' ')).toList();
    return wkt("POLYGON ((" + String.join(", ", pts) + "))");
  }

  static void assertSameLayer(Layer a, Layer b) {
    List<Feature> fa = LayerFeatures.all(a);
    List<Feature> fb = LayerFeatures.all(b);
    assertThat(fb).extracting(Feature::id).containsExactlyElementsOf(fa.stream().map(Feature::id).toList());
    for (int i = 0; i < fa.size(); i++) {
      assertThat(fb.get(i).geometry().equalsExact(fa.get(i).geometry())).as(fa.get(i).id()).isTrue();
      assertThat(fb.get(i).geometry().getGeometryType()).isEqualTo(fa.get(i).geometry().getGeometryType());
      // the same kind of coordinates (XY or XYZ), Z included: WKB brings back what GeometryFixer built
      assertThat(fb.get(i).geometry().getCoordinate().getClass()).isEqualTo(fa.get(i).geometry().getCoordinate().getClass());
      assertThat(Double.valueOf(fb.get(i).geometry().getCoordinate().getZ()))
          .isEqualTo(Double.valueOf(fa.get(i).geometry().getCoordinate().getZ())); // NaN equals NaN as a Double
      assertThat(fb.get(i).properties()).isEqualTo(fa.get(i).properties());
    }
    assertThat(b.repairedCount()).isEqualTo(a.repairedCount());
    assertThat(b.skippedCount()).isEqualTo(a.skippedCount());
    assertThat(b.count()).isEqualTo(a.count());
    assertThat(b.bbox()).isEqualTo(a.bbox());
    assertThat(b.geometryKind()).isEqualTo(a.geometryKind());
  }

  @Test
  void aRestartFromTheCacheServesWhatAFullTestServes() throws IOException {
    source(BOWTIE_A);
    Path project = project();
    Layer plain = CatalogLoader.load(project).layer("plan").orElseThrow();
    assertThat(plain.repairedCount()).as("bow-tie and sliver").isEqualTo(2);
    assertThat(plain.skippedCount()).as("sliver (repaired to nothing) and the null geometry").isEqualTo(2);
    assertThat(LayerFeatures.all(plain)).extracting(Feature::id).containsExactly("bowtie", "square");

    Layer first = load(project, cache());
    Path file = RepairCache.file(cache(), first.spec());
    assertThat(file).exists();
    assertThat(RepairCache.read(file).size()).as("one result per geometry read").isEqualTo(3);
    Layer second = load(project, cache());

    assertSameLayer(plain, first);
    assertSameLayer(plain, second);
    // the stored repair is the repair itself, byte for byte
    Geometry raw = ring(BOWTIE_A);
    GeometryRepair.Result stored = RepairCache.read(file).lookup(RepairCache.digest(raw), raw);
    assertThat(stored).isNotNull();
    assertThat(stored.repaired()).isTrue();
    assertThat(stored.geometry().equalsExact(GeometryRepair.repair(raw).geometry())).isTrue();
    assertThat(stored.geometry().equalsExact(second.feature("bowtie").orElseThrow().geometry())).isTrue();
  }

  /** Proves the loader takes what the cache says for a known geometry (so the next test means something). */
  @Test
  void theLoaderServesTheStoredResultForTheSameGeometry() throws IOException {
    source(BOWTIE_A);
    Path project = project();
    Layer first = load(project, cache());
    Geometry raw = ring(BOWTIE_A);
    Geometry planted = wkt("POLYGON ((112.60 -7.60, 112.61 -7.60, 112.61 -7.59, 112.60 -7.60))");
    RepairCache.write(RepairCache.file(cache(), first.spec()), new RepairCache.Digest[] {RepairCache.digest(raw)},
        new GeometryRepair.Result[] {new GeometryRepair.Result(planted, true)});

    Layer again = load(project, cache());

    assertThat(again.feature("bowtie").orElseThrow().geometry().equalsExact(planted)).isTrue();
  }

  /**
   * An edit that keeps the file's size and modification time (a key of path, size and mtime would serve the old
   * repair): the changed polygon is tested and repaired again, the unchanged ones still come from the file.
   */
  @Test
  void anEditedSourceIsNeverServedFromTheCache() throws IOException {
    Path src = source(BOWTIE_A);
    Path project = project();
    load(project, cache());
    long size = Files.size(src);
    FileTime mtime = Files.getLastModifiedTime(src);

    source(BOWTIE_B);
    Files.setLastModifiedTime(src, mtime);
    assertThat(Files.size(src)).isEqualTo(size);
    Layer edited = load(project, cache());

    Geometry expected = GeometryRepair.repair(ring(BOWTIE_B)).geometry();
    Geometry served = edited.feature("bowtie").orElseThrow().geometry();
    assertThat(served.equalsExact(expected)).isTrue();
    assertThat(served.equalsExact(GeometryRepair.repair(ring(BOWTIE_A)).geometry())).isFalse();
    assertSameLayer(CatalogLoader.load(project).layer("plan").orElseThrow(), edited);
    // the file now holds the edited polygon's result, and no longer the old one's
    RepairCache now = RepairCache.read(RepairCache.file(cache(), edited.spec()));
    assertThat(now.lookup(RepairCache.digest(ring(BOWTIE_B)), ring(BOWTIE_B))).isNotNull();
    assertThat(now.lookup(RepairCache.digest(ring(BOWTIE_A)), ring(BOWTIE_A))).isNull();
  }

  @Test
  void aDamagedCacheFileIsIgnoredAndRewritten() throws IOException {
    source(BOWTIE_A);
    Path project = project();
    Layer first = load(project, cache());
    Path file = RepairCache.file(cache(), first.spec());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10; // one bit anywhere: the checksum no longer matches
    Files.write(file, bytes);
    assertThat(RepairCache.read(file).size()).isZero();

    Layer again = load(project, cache());

    assertSameLayer(CatalogLoader.load(project).layer("plan").orElseThrow(), again);
    assertThat(RepairCache.read(file).size()).as("rewritten whole").isEqualTo(3);
    Files.write(file, new byte[] {1, 2, 3});
    assertThat(RepairCache.read(file).size()).isZero();
  }

  @Test
  void theDigestSeesOneBitOfOneOrdinateAndTheStructure() {
    Geometry a = wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    Geometry b = wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    assertThat(RepairCache.digest(a)).isEqualTo(RepairCache.digest(b));
    b.getCoordinates()[1].x = Math.nextUp(1.0);
    b.geometryChanged();
    assertThat(RepairCache.digest(a)).isNotEqualTo(RepairCache.digest(b));
    assertThat(RepairCache.digest(wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"))).isNotEqualTo(RepairCache.digest(a));
    assertThat(RepairCache.digest(wkt("LINESTRING (0 0, 1 0, 1 1, 0 0)"))).isNotEqualTo(RepairCache.digest(a));
  }
}
