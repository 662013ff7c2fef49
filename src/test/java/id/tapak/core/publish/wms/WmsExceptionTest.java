package id.tapak.core.publish.wms;

import static id.tapak.core.publish.wms.WmsFixture.decode;
import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each OGC exception code, the parameter it names, and the INIMAGE / BLANK answers. */
class WmsExceptionTest {

  private static final WmsService WMS = WmsFixture.service();
  private static final String MAP = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=estates&STYLES=&CRS=EPSG:4326"
      + "&BBOX=-7.4,112.7,-7.25,112.85&WIDTH=64&HEIGHT=64&FORMAT=image/png";
  private static final String INFO = MAP.replace("GetMap", "GetFeatureInfo")
      + "&QUERY_LAYERS=estates&INFO_FORMAT=application/json&I=10&J=10";

  private static WmsException fail(String query) {
    return assertThrows(WmsException.class, () -> WMS.handle(params(query), "http://h/wms"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "InvalidCRS            | CRS           | CRS=EPSG:4326|CRS=EPSG:99999",
      "InvalidCRS            | CRS           | CRS=EPSG:4326|CRS=FOO:1",
      "LayerNotDefined       | LAYERS        | LAYERS=estates|LAYERS=nope",
      "StyleNotDefined       | STYLES        | STYLES=|STYLES=fancy",
      "InvalidFormat         | FORMAT        | FORMAT=image/png|FORMAT=image/nope",
      "MissingParameterValue | BBOX          | &BBOX=-7.4,112.7,-7.25,112.85|",
      "MissingParameterValue | WIDTH         | &WIDTH=64|",
      "MissingParameterValue | LAYERS        | LAYERS=estates&|",
      "InvalidParameterValue | BBOX          | BBOX=-7.4,112.7,-7.25,112.85|BBOX=1,2,3",
      "InvalidParameterValue | BBOX          | BBOX=-7.4,112.7,-7.25,112.85|BBOX=-7.25,112.7,-7.4,112.85",
      "InvalidParameterValue | WIDTH         | WIDTH=64|WIDTH=5000",
      "InvalidParameterValue | BGCOLOR       | FORMAT=image/png|FORMAT=image/png&BGCOLOR=red",
      "OperationNotSupported | REQUEST       | REQUEST=GetMap|REQUEST=GetStyles",
  })
  void getMapCodes(String code, String locator, String from, String to) {
    WmsException e = fail(MAP.replace(from, to == null ? "" : to));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(locator, e.locator());
  }

  @Test
  void invalidPointOutsideTheImage() {
    WmsException e = fail(INFO.replace("I=10", "I=64"));
    assertEquals("InvalidPoint", e.code());
    assertEquals("I", e.locator());
    assertEquals("InvalidPoint", fail(INFO.replace("J=10", "J=-1")).code());
  }

  @Test
  void infoFormatAndQueryLayers() {
    assertEquals("InvalidFormat", fail(INFO.replace("application/json", "image/png")).code());
    assertEquals("LayerNotDefined", fail(INFO.replace("QUERY_LAYERS=estates", "QUERY_LAYERS=roads")).code());
    assertEquals("MissingParameterValue", fail(INFO.replace("&INFO_FORMAT=application/json", "")).code());
  }

  @Test
  void missingRequestAndWrongService() {
    assertEquals("MissingParameterValue", fail("SERVICE=WMS").code());
    assertEquals("InvalidParameterValue", fail("SERVICE=WFS&REQUEST=GetCapabilities").code());
  }

  @Test
  void xmlReportNamesCodeAndLocator() {
    String xml = new String(ExceptionReportWriter.xml("InvalidCRS", "CRS", "CRS <x> & y"), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\""));
    assertTrue(xml.contains("<ServiceException code=\"InvalidCRS\" locator=\"CRS\">CRS &lt;x&gt; &amp; y</ServiceException>"));
  }

  @Test
  void inImageAndBlank() {
    WmsService.Response inimage = WMS.exceptionImage(params(MAP + "&EXCEPTIONS=INIMAGE"), "InvalidCRS", "no");
    assertNotNull(inimage);
    BufferedImage img = decode(inimage.body());
    assertEquals(64, img.getWidth());
    boolean text = false;
    for (int x = 0; x < 64 && !text; x++) {
      for (int y = 0; y < 20 && !text; y++) {
        text = (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
      }
    }
    assertTrue(text, "the message is drawn");
    WmsService.Response blank = WMS.exceptionImage(params(MAP + "&EXCEPTIONS=BLANK&TRANSPARENT=TRUE"), "X", "no");
    assertEquals(0, WmsFixture.opaquePixels(decode(blank.body())));
    assertNull(WMS.exceptionImage(params(MAP), "InvalidCRS", "no"), "XML is the default");
  }
}
