package id.tapak.core.source.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Shapefile sets written by GDAL (fixtures/README.md records the ogr2ogr commands), plain and zipped. */
class ShapefileSourceTest {

  static final Path DIR = Path.of("src/test/resources/fixtures/sources");
  static final String SATE = "Kawasan Gedung Saté";

  static List<SourceFeature> readAll(Path file, @Nullable String layer) {
    List<SourceFeature> out = new ArrayList<>();
    new ShapefileSource(file, layer).read(out::add);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"estates_4326.shp", "estates_4326.zip"})
  void readsPolygonsWithHolesAndAttributes(String file) throws Exception {
    ShapefileSource source = new ShapefileSource(DIR.resolve(file), null);
    assertThat(source.describe().fieldNames()).containsExactly("kode", "nama", "luas_ha", "tahun", "status");
    assertThat(source.describe().epsg()).hasValue(4326);

    List<SourceFeature> fs = readAll(DIR.resolve(file), null);
    assertThat(fs).extracting(SourceFeature::id).containsExactly("1", "2", "3");
    assertThat(fs.get(0).properties()).containsEntry("kode", "KI-01").containsEntry("nama", SATE)
        .containsEntry("luas_ha", 480.25).containsEntry("tahun", 1990L);
    assertThat(fs.get(2).properties()).containsEntry("luas_ha", null).containsEntry("status", "rencana");

    Geometry first = fs.get(0).geometry();
    assertThat(first).isInstanceOf(Polygon.class);
    Geometry expected = new WKTReader().read("POLYGON ((112.60 -7.52, 112.62 -7.52, 112.62 -7.50, 112.60 -7.50,"
        + " 112.60 -7.52), (112.605 -7.515, 112.605 -7.51, 112.61 -7.51, 112.61 -7.515, 112.605 -7.515))");
    assertThat(first.norm().equalsExact(expected.norm())).as("%s", first).isTrue();

    // two shells, the hole belongs to the second one (the one that contains it), not to the first
    Geometry third = fs.get(2).geometry();
    assertThat(third).isInstanceOf(MultiPolygon.class);
    assertThat(((Polygon) third.getGeometryN(0)).getNumInteriorRing()).isZero();
    assertThat(((Polygon) third.getGeometryN(1)).getNumInteriorRing()).isEqualTo(1);
    assertThat(third.isValid()).isTrue();
  }

  @Test
  void zipWithSeveralShapefilesRequiresLayer() {
    Path zip = DIR.resolve("layers_shp.zip");
    assertThatThrownBy(() -> new ShapefileSource(zip, null).describe())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("layers_shp.zip")
        .hasMessageContaining("set source.layer to one of: estates_4326, roads_4326");
    assertThatThrownBy(() -> new ShapefileSource(zip, "jalan").describe())
        .isInstanceOf(SourceException.class).hasMessageContaining("no shapefile 'jalan'");
    List<SourceFeature> roads = readAll(zip, "roads_4326");
    assertThat(roads).hasSize(2);
    assertThat(roads.get(0).properties()).containsEntry("kelas", "Jalan Tol");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"roads_4326.shp", "roads_z.shp"})
  void readsLinesAndTheirZVariant(String file) {
    List<SourceFeature> fs = readAll(DIR.resolve(file), null);
    assertThat(fs).hasSize(2);
    assertThat(fs.get(0).geometry()).isInstanceOf(LineString.class);
    assertThat(fs.get(0).geometry().getCoordinates()).hasSize(3);
    assertThat(fs.get(0).geometry().getCoordinates()[1].x).isEqualTo(112.60);
    assertThat(fs.get(0).properties()).containsEntry("nama", "Jalan Tol Surabaya–Mojokerto");
    assertThat(fs.get(1).geometry()).isInstanceOf(MultiLineString.class);
    assertThat(fs.get(1).geometry().getNumGeometries()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ports_4326.shp", "ports_m.shp"})
  void readsPointsAndTheirMVariant(String file) {
    List<SourceFeature> fs = readAll(DIR.resolve(file), null);
    assertThat(fs).hasSize(2);
    Point p = (Point) fs.get(0).geometry();
    assertThat(p.getX()).isEqualTo(112.7336);
    assertThat(p.getY()).isEqualTo(-7.2011);
    assertThat(fs.get(1).properties()).containsEntry("nama", "Pelabuhan Gresik");
  }

  @Test
  void readsMultiPoints() {
    List<SourceFeature> fs = readAll(DIR.resolve("wells_4326.shp"), null);
    assertThat(fs.get(0).geometry()).isInstanceOf(MultiPoint.class);
    assertThat(fs.get(0).geometry().getNumGeometries()).isEqualTo(3);
  }

  @Test
  void charsetFromCpg() {
    assertThat(readAll(DIR.resolve("estates_latin1.shp"), null).get(0).properties()).containsEntry("nama", SATE);
  }

  @Test
  void charsetFromLanguageDriverOrUtf8WithLatin1Fallback(@TempDir Path tmp) throws Exception {
    // Latin-1 bytes, no .cpg: language driver 0x57 names the charset; with driver 0 the UTF-8 attempt fails and
    // ISO-8859-1 is used. UTF-8 bytes without .cpg decode as UTF-8.
    for (String[] c : new String[][] {{"estates_latin1", "87"}, {"estates_latin1", "0"}, {"estates_4326", "0"}}) {
      Path dir = Files.createDirectories(tmp.resolve(c[0] + "_" + c[1]));
      Files.copy(DIR.resolve(c[0] + ".shp"), dir.resolve("e.shp"));
      Files.copy(DIR.resolve(c[0] + ".dbf"), dir.resolve("e.dbf"));
      try (RandomAccessFile dbf = new RandomAccessFile(dir.resolve("e.dbf").toFile(), "rw")) {
        dbf.seek(29);
        dbf.write(Integer.parseInt(c[1]));
      }
      SourceFeature first = readAll(dir.resolve("e.shp"), null).get(0);
      assertThat(first.properties()).as("%s, LDID %s", c[0], c[1]).containsEntry("nama", SATE);
      assertThat(new ShapefileSource(dir.resolve("e.shp"), null).describe().epsg()).as("no .prj").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} -> EPSG:{1}")
  @CsvSource({"estates_32749.shp, 32749", "estates_23836.shp, 23836"})
  void projectedSetsDeclareTheirCrsAndReprojectBack(String file, int epsg) {
    assertThat(new ShapefileSource(DIR.resolve(file), null).describe().epsg()).hasValue(epsg);
    List<SourceFeature> projected = readAll(DIR.resolve(file), null);
    List<SourceFeature> wgs84 = readAll(DIR.resolve("estates_4326.shp"), null);
    GeometryTransform back = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    for (int i = 0; i < wgs84.size(); i++) {
      Geometry g = back.apply(projected.get(i).geometry());
      // 1e-7 degrees is about 1 cm: GDAL (PROJ) projected, proj4j projects back
      assertThat(DiscreteHausdorffDistance.distance(g, wgs84.get(i).geometry())).as("%s feature %d", file, i)
          .isLessThan(1e-7);
    }
  }

  @Test
  void readsWithoutShx(@TempDir Path tmp) throws Exception {
    for (String ext : new String[] {"shp", "dbf", "prj"}) {
      Files.copy(DIR.resolve("estates_4326." + ext), tmp.resolve("E." + ext.toUpperCase()));
    }
    List<SourceFeature> fs = readAll(tmp.resolve("E.SHP"), null);
    assertThat(fs).hasSize(3);
    assertThat(new ShapefileSource(tmp.resolve("E.SHP"), null).describe().epsg()).hasValue(4326);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "GCS_WGS_1984, 4326", "GCS_DGN_1995, 4755", "DGN_1995, 4755",
      "WGS_1984_UTM_Zone_46N, 32646", "WGS_1984_UTM_Zone_49S, 32749", "WGS_1984_UTM_Zone_54S, 32754",
      "WGS 84 / UTM zone 50S, 32750",
      "DGN_1995_Indonesia_TM-3_Zone_46.2, 23830", "DGN_1995_Indonesia_TM-3_Zone_49.2, 23836",
      "DGN_1995_Indonesia_TM-3_Zone_54.1, 23845", "DGN95 / Indonesia TM-3 zone 50.1, 23837",
      "WGS_1984_Web_Mercator_Auxiliary_Sphere, 3857", "WGS_1984_Web_Mercator, 3857"})
  void knownPrjNames(String name, int epsg) {
    assertThat(PrjReader.byName(name)).hasValue(epsg);
    assertThat(PrjReader.epsg("PROJCS[\"" + name + "\",GEOGCS[\"GCS_WGS_1984\"]]")).hasValue(epsg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Batavia_UTM_Zone_49S", "WGS_1984_UTM_Zone_60S", "DGN_1995_Indonesia_TM-3_Zone_55.1",
      "GCS_Batavia", ""})
  void unknownPrjNamesAreEmpty(String name) {
    assertThat(PrjReader.byName(name)).isEqualTo(OptionalInt.empty());
  }

  @Test
  void prjAuthorityWins() {
    String wkt = "PROJCS[\"Custom\",GEOGCS[\"WGS 84\",AUTHORITY[\"EPSG\",\"4326\"]],AUTHORITY[\"EPSG\",\"32750\"]]";
    assertThat(PrjReader.epsg(wkt)).hasValue(32750);
  }

  @Test
  void notAShapefile(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.shp"), "not a shapefile at all, just some text that is long enough "
        + "to have a header of one hundred bytes....................................................");
    assertThatThrownBy(() -> readAll(bad, null)).isInstanceOf(SourceException.class)
        .hasMessageContaining("bad.shp").hasMessageContaining("not an ESRI shapefile");
  }

  /**
   * A record length of 2^30 words or more overflowed when doubled to bytes and passed the bound check, so the slice
   * threw IndexOutOfBoundsException instead of the file's SourceException (Jazzer finding in CI: a 110-byte file with
   * 0x3FFFFFFF words at byte 104). Every such length is refused as truncated, naming the file and record.
   */
  @ParameterizedTest
  @ValueSource(ints = {0x3FFFFFFF, 0x40000000, 0x7FFFFFFF, -1, 0x80000000, 1})
  void aRecordLengthBeyondTheFileIsRefusedNotOverflowed(int words, @TempDir Path tmp) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(110);
    b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, 55); // file code; declared length 110 bytes
    b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 1); // version, shape type point
    b.order(ByteOrder.BIG_ENDIAN).putInt(100, 7).putInt(104, words); // record 7 and its length in words
    Path shp = Files.write(tmp.resolve("len.shp"), b.array());
    assertThatThrownBy(() -> readAll(shp, null)).isInstanceOf(SourceException.class)
        .hasMessageContaining("len.shp").hasMessageContaining("record 7 is truncated or has a bad length");
  }

  /**
   * A header length past the end of the file was found only after the field descriptors had been read from it, so
   * a short {@code .dbf} threw IndexOutOfBoundsException (or IllegalArgumentException at exactly one byte past).
   */
  @ParameterizedTest
  @ValueSource(ints = {65535, 200, 97})
  void aDbfHeaderBeyondTheFileIsRefusedAsTruncated(int headerLength) {
    ByteBuffer b = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 3).putInt(4, 0).putShort(8, (short) headerLength).putShort(10, (short) 11);
    b.put(32, "NAMA".getBytes(StandardCharsets.US_ASCII)).put(43, (byte) 'C').put(48, (byte) 10);
    assertThatThrownBy(() -> new DbfReader(b, null, "short.dbf")).isInstanceOf(SourceException.class)
        .hasMessage("short.dbf: dBase file is truncated (0 records declared)");
  }
}
