package id.tapak.core.source.kml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.tapak.core.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the KML reader (StAX with DTDs off and the depth limit, Placemarks, coordinates): a file is features or a
 * {@link SourceException}. Seeds: src/test/resources/id/tapak/core/source/kml/KmlFuzzTestInputs.
 */
class KmlFuzzTest {

  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("tapak-fuzz", ".kml");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "5s")
  void kml(byte[] kml) throws IOException {
    Files.write(FILE, kml);
    try {
      new KmlSource(FILE).read(f -> { });
    } catch (SourceException refused) {
      // not KML, a bad geometry, too deep, or a non-finite coordinate
    }
  }
}
