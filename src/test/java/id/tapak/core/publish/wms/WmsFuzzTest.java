package id.tapak.core.publish.wms;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.publish.style.SldReader;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes WMS request parsing and the SLD reader: any parameters give an answer or a {@link WmsException} (a
 * ServiceExceptionReport), any SLD gives styles or an {@link SldReader.SldException}. Seeds:
 * src/test/resources/id/tapak/core/publish/wms/WmsFuzzTestInputs.
 */
class WmsFuzzTest {

  private static final WmsService WMS = new WmsService(new WmsLayers(WmsFixture.CATALOG), 512, 512,
      new TileCache(0));
  private static final List<String> NAMES = List.of("SERVICE", "VERSION", "REQUEST", "LAYERS", "STYLES", "CRS", "SRS",
      "BBOX", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR", "EXCEPTIONS", "QUERY_LAYERS", "INFO_FORMAT", "I",
      "J", "FEATURE_COUNT", "LAYER", "STYLE", "SLD_BODY", "CHECK_ID", "ANTIALIAS");

  @FuzzTest(maxDuration = "5s")
  void wmsParameters(FuzzedDataProvider data) {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("SERVICE", "WMS");
    raw.put("VERSION", "1.3.0");
    int n = data.consumeInt(0, 12);
    for (int i = 0; i < n; i++) {
      String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12);
      raw.put(name, data.consumeString(200));
    }
    try {
      WMS.handle(WmsParameters.of(raw), "http://fuzz/wms");
    } catch (WmsException refused) {
      // answered as a ServiceExceptionReport
    }
  }

  @FuzzTest(maxDuration = "5s")
  void sld(byte[] sld) {
    try {
      SldReader.read(new ByteArrayInputStream(sld));
    } catch (SldReader.SldException refused) {
      // answered as InvalidParameterValue on SLD_BODY
    }
  }
}
