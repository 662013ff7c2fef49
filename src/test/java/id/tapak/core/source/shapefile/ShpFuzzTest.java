package id.tapak.core.source.shapefile;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.tapak.core.source.SourceException;
import java.nio.ByteBuffer;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fuzzes the {@code .shp} record reader (shapes, parts, ring orientation and hole assignment) and the {@code .prj}
 * reader: records are geometries, null (skipped), or a {@link SourceException} for the file; a {@code .prj} is a code
 * or empty. {@link #dbf} fuzzes the attribute table: rows of values, or a {@link SourceException} for the file.
 * Seeds: src/test/resources/id/tapak/core/source/shapefile/ShpFuzzTestInputs (the {@code dbf} seeds are fixture
 * {@code .dbf} files with one byte appended, which picks the {@code .cpg}).
 */
class ShpFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void shapefile(FuzzedDataProvider data) {
    String prj = data.consumeString(300);
    PrjReader.epsg(prj);
    PrjReader.problem(prj);
    byte[] shp = data.consumeRemainingAsBytes();
    try {
      ShpReader r = new ShpReader(ByteBuffer.wrap(shp), new GeometryFactory(), "fuzz.shp");
      r.shapeType();
      for (int i = 0; i < 10_000 && r.next() != null; i++) {
        // read every record
      }
    } catch (SourceException refused) {
      // not a shapefile, a truncated record, or a non-finite coordinate
    }
  }

  @FuzzTest(maxDuration = "5s")
  void dbf(FuzzedDataProvider data) {
    String cpg = switch (data.consumeInt(0, 2)) { // the last byte: no .cpg, a UTF-8 one or a Windows-1252 one
      case 0 -> null;
      case 1 -> "UTF-8";
      default -> "1252";
    };
    byte[] dbf = data.consumeRemainingAsBytes();
    try {
      DbfReader r = new DbfReader(ByteBuffer.wrap(dbf), cpg, "fuzz.dbf");
      r.fieldNames();
      for (int i = 0; i < 10_000 && r.next() != null; i++) {
        // read every row
      }
    } catch (SourceException refused) {
      // too short, or a header or table longer than the file
    }
  }
}
