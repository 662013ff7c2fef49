package id.tapak.core.source.geopackage;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.tapak.core.geo.GeometryLimits;
import id.tapak.core.source.SourceException;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fuzzes the GeoPackage geometry blob codec (header, envelope, the WKB depth scan, JTS {@code WKBReader}): a blob is
 * a geometry, null (skipped and counted), or a {@link SourceException} (refused: too deep, non-finite). Seeds:
 * src/test/resources/id/tapak/core/source/geopackage/GpkgBlobFuzzTestInputs.
 */
class GpkgBlobFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void gpkgBlob(byte[] blob) {
    try {
      new GpkgGeometryCodec(new GeometryFactory()).decode(blob);
    } catch (SourceException refused) {
      // nested too deep or a non-finite coordinate
    }
    try {
      GeometryLimits.wkbDepth(blob, 0, GeometryLimits.MAX_GEOMETRY_DEPTH);
    } catch (IllegalArgumentException notWkb) {
      // the documented answer for bytes that are not WKB
    }
  }
}
