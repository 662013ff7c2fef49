package id.tapak.core.source.geopackage;

import id.tapak.core.catalog.LayerFeatures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** GeoPackages written by GDAL (fixtures/README.md records the ogr2ogr commands), read with our own blob codec. */
class GeoPackageSourceTest {

  static final Path DIR = Path.of("src/test/resources/fixtures/sources");

  /** The first estate as written in estates.geojson (EPSG:4326): a square with one hole. */
  static final String ESTATE_1 = "POLYGON ((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50, 112.60 -7.52),"
      + " (112.605 -7.515, 112.605 -7.51, 112.61 -7.51, 112.61 -7.515, 112.605 -7.515))";

  static List<SourceFeature> readAll(GeoPackageSource source) {
    List<SourceFeature> out = new ArrayList<>();
    source.read(out::add);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"estates_4326.gpkg, 4326", "estates_32749.gpkg, 32749"})
  void readsAttributesHolesAndCrs(String file, int epsg) throws Exception {
    GeoPackageSource source = new GeoPackageSource(DIR.resolve(file), null);

    SourceSchema schema = source.describe();
    assertThat(schema.fieldNames()).containsExactly("kode", "nama", "luas_ha", "tahun", "status");
    assertThat(schema.epsg()).hasValue(epsg);

    List<SourceFeature> fs = readAll(source);
    assertThat(fs).extracting(SourceFeature::id).containsExactly("1", "2", "3");
    SourceFeature first = fs.get(0);
    assertThat(first.properties()).containsEntry("kode", "KI-01").containsEntry("nama", "Kawasan Gedung Saté")
        .containsEntry("luas_ha", 480.25);
    assertThat(((Number) first.properties().get("tahun")).intValue()).isEqualTo(1990);
    assertThat(fs.get(2).properties()).containsEntry("luas_ha", null);

    GeometryTransform toWgs84 = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    Geometry g = toWgs84.apply(first.geometry());
    Polygon p = (Polygon) (g instanceof MultiPolygon ? g.getGeometryN(0) : g);
    assertThat(p.getNumInteriorRing()).isEqualTo(1);
    Geometry expected = new WKTReader().read(ESTATE_1);
    // 1e-7 degrees is about 1 cm: the UTM round trip through GDAL (PROJ) and back through proj4j
    assertThat(DiscreteHausdorffDistance.distance(p, expected)).as("%s vs %s", p, expected)
          .isLessThan(1e-7);

    Geometry third = toWgs84.apply(fs.get(2).geometry());
    assertThat(third.getNumGeometries()).isEqualTo(2);
    assertThat(((Polygon) third.getGeometryN(1)).getNumInteriorRing()).isEqualTo(1);
  }

  @Test
  void severalTablesRequireLayer() {
    Path file = DIR.resolve("layers.gpkg");
    assertThatThrownBy(() -> new GeoPackageSource(file, null).describe())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("layers.gpkg")
        .hasMessageContaining("set source.layer to one of: estates, ports, roads");
    assertThatThrownBy(() -> new GeoPackageSource(file, "jalan").describe())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("no feature table 'jalan'")
        .hasMessageContaining("estates, ports, roads");

    List<SourceFeature> roads = readAll(new GeoPackageSource(file, "roads"));
    assertThat(roads).hasSize(2);
    assertThat(roads.get(0).geometry()).isInstanceOf(LineString.class);
    assertThat(roads.get(0).properties()).containsEntry("kelas", "Jalan Tol");
    assertThat(readAll(new GeoPackageSource(file, "ports")).get(0).geometry().getCoordinate().x).isEqualTo(112.7336);
  }

  @Test
  void corruptedBlobsBecomeNullGeometriesThatTheCatalogCounts(@TempDir Path tmp) throws Exception {
    Path copy = writableCopy(tmp, "corrupt.gpkg");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        PreparedStatement ps = c.prepareStatement("UPDATE estates SET geom = ? WHERE fid = ?")) {
      ps.setBytes(1, new byte[] {'G', 'P', 0, 1, (byte) 0xE6, 0x10, 0, 0, 1, 3, 0}); // WKB cut short
      ps.setInt(2, 2);
      ps.executeUpdate();
      ps.setBytes(1, unknownTypeBlob());
      ps.setInt(2, 3);
      ps.executeUpdate();
    }
    List<SourceFeature> fs = readAll(new GeoPackageSource(copy, null));
    assertThat(fs).hasSize(3);
    assertThat(fs.get(0).geometry()).isNotNull();
    assertThat(fs.get(1).geometry()).isNull();
    assertThat(fs.get(2).geometry()).isNull();

    Path project = tmp.resolve("tapak.yml");
    Files.writeString(project, """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: estates
            title: {id: Kawasan, en: Estates}
            role: estate
            source: {type: geopackage, path: corrupt.gpkg}
        """);
    Catalog catalog = CatalogLoader.load(project);
    Layer layer = catalog.layer("estates").orElseThrow();
    assertThat(LayerFeatures.all(layer)).hasSize(1);
    assertThat(layer.skippedCount()).isEqualTo(2);
  }

  /**
   * A table larger than the decoding batches (2048 rows, decoded in parallel while the next batch is read): the
   * features reach the sink in row order with the geometries and attributes a row-by-row decode gives, corrupt
   * blobs (null) where they are; a refused blob (NaN) in the third batch stops the read at that feature, after
   * exactly the rows before it.
   */
  @Test
  void largeTablesDecodeInParallelInRowOrder(@TempDir Path tmp) throws Exception {
    Path copy = writableCopy(tmp, "big.gpkg");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
      // 3 rows doubled 11 times: 6144 rows, the estates' three polygons in turn, a distinct kode per row
      for (int i = 0; i < 11; i++) {
        st.execute("INSERT INTO estates (geom, kode, nama, luas_ha, tahun, status) "
            + "SELECT geom, kode || '-' || fid, nama, luas_ha + fid, tahun, status FROM estates");
      }
      st.execute("UPDATE estates SET geom = X'4750000110E6000001030000' WHERE fid IN (7, 2049, 5000)"); // cut short
    }
    List<SourceFeature> read = readAll(new GeoPackageSource(copy, null));
    List<String> ids = new ArrayList<>();
    List<byte[]> blobs = new ArrayList<>();
    List<Object> kodes = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT fid, geom, kode FROM estates")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
        blobs.add(rs.getBytes(2));
        kodes.add(rs.getObject(3));
      }
    }
    assertThat(ids).hasSize(6144);
    assertThat(read).extracting(SourceFeature::id).containsExactlyElementsOf(ids);
    GpkgGeometryCodec codec = new GpkgGeometryCodec(new org.locationtech.jts.geom.GeometryFactory());
    for (int i = 0; i < ids.size(); i++) {
      Geometry expected = codec.decode(blobs.get(i));
      Geometry got = read.get(i).geometry();
      if (expected == null) {
        assertThat(got).as(ids.get(i)).isNull();
      } else {
        assertThat(got.equalsExact(expected)).as(ids.get(i)).isTrue();
      }
      assertThat(read.get(i).properties().get("kode")).isEqualTo(kodes.get(i));
    }
    assertThat(read.stream().filter(f -> f.geometry() == null)).hasSize(3);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        PreparedStatement ps = c.prepareStatement("UPDATE estates SET geom = ? WHERE fid = 4500")) {
      ByteBuffer b = ByteBuffer.allocate(8 + 9 + 32).order(ByteOrder.LITTLE_ENDIAN);
      b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(4326);
      // a line from lon NaN (a point at NaN would be read as POINT EMPTY)
      b.put((byte) 1).putInt(2).putInt(2).putDouble(Double.NaN).putDouble(-7.5).putDouble(112.6).putDouble(-7.5);
      ps.setBytes(1, b.array());
      ps.executeUpdate();
    }
    List<SourceFeature> before = new ArrayList<>();
    assertThatThrownBy(() -> new GeoPackageSource(copy, null).read(before::add))
        .isInstanceOf(SourceException.class).hasMessageContaining("feature 4500: ")
        .hasMessageContaining("not a finite number");
    assertThat(before).hasSize(4499);
    assertThat(before.get(4498).id()).isEqualTo("4499");
  }

  /** A copy of estates_4326.gpkg that plain SQLite can write. */
  static Path writableCopy(Path tmp, String name) throws Exception {
    Path copy = tmp.resolve(name);
    Files.copy(DIR.resolve("estates_4326.gpkg"), copy);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
      // GDAL's R-tree triggers call SpatiaLite functions that plain SQLite lacks; they are irrelevant to reading
      List<String> triggers = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
        while (rs.next()) {
          triggers.add(rs.getString(1));
        }
      }
      for (String t : triggers) {
        st.execute("DROP TRIGGER \"" + t + "\"");
      }
    }
    return copy;
  }

  /** A GeoPackage blob (little-endian header, no envelope) whose WKB names geometry type 99, which does not exist. */
  static byte[] unknownTypeBlob() {
    ByteBuffer b = ByteBuffer.allocate(8 + 1 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(4326);
    b.put((byte) 1).putInt(99).putDouble(112.6).putDouble(-7.5);
    return b.array();
  }

  @Test
  void codecHonoursEnvelopeSizesAndFlags() {
    int[] expected = {8, 40, 56, 56, 72};
    for (int indicator = 0; indicator <= 4; indicator++) {
      byte[] header = new byte[100];
      header[0] = 'G';
      header[1] = 'P';
      header[3] = (byte) (1 | indicator << 1);
      assertThat(GpkgGeometryCodec.wkbOffset(header)).as("envelope indicator %d", indicator)
          .isEqualTo(expected[indicator]);
    }
    byte[] bad = {'G', 'P', 0, (byte) (1 | 5 << 1), 0, 0, 0, 0, 0, 0};
    assertThat(GpkgGeometryCodec.wkbOffset(bad)).as("indicator 5 is invalid").isEqualTo(-1);
    byte[] empty = {'G', 'P', 0, (byte) (1 | 0b1_0000), 0, 0, 0, 0, 1, 1, 0, 0, 0};
    assertThat(GpkgGeometryCodec.wkbOffset(empty)).as("empty flag").isEqualTo(-1);
    assertThat(GpkgGeometryCodec.wkbOffset(new byte[] {'X', 'P', 0, 1, 0, 0, 0, 0, 0})).isEqualTo(-1);
    assertThat(GpkgGeometryCodec.srsId(unknownTypeBlob())).isEqualTo(4326);
    byte[] bigEndian = {'G', 'P', 0, 0, 0, 0, 0x7F, (byte) 0xB5};
    assertThat(GpkgGeometryCodec.srsId(bigEndian)).isEqualTo(32693);
  }

  @Test
  void quotesIdentifiers() {
    assertThat(GeoPackageSource.quote("a\"b")).isEqualTo("\"a\"\"b\"");
  }
}
