package id.tapak.core.source.shapefile;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.tapak.core.source.SourceException;
import java.nio.ByteBuffer;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fuzzes the {@code .shp} record reader (shapes, parts, ring orientation and hole assignment) and the {@code .prj}
 * reader: records are geometries, null (skipped), or a {@link SourceException} for the file; a {@code .prj} is a code
 * or empty. Seeds: src/test/resources/id/tapak/core/source/shapefile/ShpFuzzTestInputs.
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
}
