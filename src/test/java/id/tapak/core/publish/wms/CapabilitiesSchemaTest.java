package id.tapak.core.publish.wms;

import id.tapak.core.publish.render.TileCache;
import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * GetCapabilities validates offline against the OGC WMS 1.3.0 schema (org.jvnet.ogc:wms-v_1_3_0-schema on the test
 * classpath; the xlink import is resolved from the same jar and nothing is fetched from the network), with a
 * negative control, and carries the layer tree, titles, bounding boxes and legend URLs.
 */
class CapabilitiesSchemaTest {

  private static Schema schema;
  private static String caps;

  @BeforeAll
  static void load() throws Exception {
    URL xsd = CapabilitiesSchemaTest.class.getClassLoader().getResource("wms/1.3.0/capabilities_1_3_0.xsd");
    assertNotNull(xsd, "OGC schema jar on the test classpath");
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setResourceResolver(new JarResolver());
    schema = f.newSchema(xsd);
    caps = new String(WmsFixture.service().handle(params("SERVICE=WMS&REQUEST=GetCapabilities"), "http://h/wms")
        .body(), StandardCharsets.UTF_8);
  }

  private static void validate(String xml) throws Exception {
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void validatesAgainstTheOgcSchema() throws Exception {
    validate(caps);
  }

  @Test
  void negativeControlLayerWithoutTitleIsRejected() {
    String broken = caps.replaceFirst("<Title>Kawasan industri / Industrial estates</Title>", "");
    assertTrue(broken.length() < caps.length(), "the control really removed a Title");
    assertThrows(SAXException.class, () -> validate(broken));
  }

  @Test
  void layerTreeTitlesBoxesAndLegends() {
    assertTrue(caps.contains("<Name>estates</Name>"));
    assertTrue(caps.contains("<Title>Pola ruang / Land-use plan</Title>"), "Indonesian / English title");
    assertTrue(caps.contains("<Title>Rencana tata ruang (RTRW) / Spatial plan (RTRW)</Title>"), "role group");
    assertTrue(caps.contains("<Name>checks</Name>") && caps.contains("<Name>check_sites</Name>"));
    assertTrue(caps.contains("<CRS>EPSG:32749</CRS>") && caps.contains("<CRS>CRS:84</CRS>"));
    // the estates layer: lon 112.600–112.765, lat -7.335 – -7.090; EPSG:4326 box in lat/lon order
    assertTrue(caps.contains("<BoundingBox CRS=\"EPSG:4326\" minx=\"-7.335000\" miny=\"112.600000\" "
        + "maxx=\"-7.090000\" maxy=\"112.765000\"/>"), "EPSG:4326 bbox lat/lon");
    assertTrue(caps.contains("<BoundingBox CRS=\"CRS:84\" minx=\"112.600000\" miny=\"-7.335000\""), "CRS:84 lon/lat");
    assertTrue(caps.contains("REQUEST=GetLegendGraphic&amp;FORMAT=image%2Fpng&amp;LAYER=plan&amp;STYLE=industri_saja"));
    assertTrue(caps.contains("<MaxWidth>4096</MaxWidth>"));
  }

  @Test
  void versionMayBeLeftOutOnGetCapabilities() {
    WmsService.Response r = WmsFixture.service().handle(params("service=wms&request=getcapabilities"), "http://h/wms");
    assertEquals("text/xml", r.contentType());
  }

  /**
   * The OGC CITE dataset (scripts/conformance/cite.yml: the unmodified shapefiles of ../shared/conformance/cite-data,
   * near 0°, 0°): namespaced layer names, a one-point layer (cite:Bridges) with a box GetMap accepts, no UTM box for
   * data outside zones 46–54, and the recommended ContactInformation, Abstract, KeywordList and MetadataURL.
   */
  @Test
  void citeDatasetCapabilitiesAreValidAndUsable() throws Exception {
    id.tapak.core.catalog.Catalog cite = id.tapak.core.catalog.CatalogLoader.load(
        java.nio.file.Path.of("scripts/conformance/cite.yml"));
    WmsService wms = new WmsService(new WmsLayers(cite), 4096, 4096, new TileCache(0));
    String xml = new String(wms.handle(params("SERVICE=WMS&REQUEST=GetCapabilities"), "http://h/wms").body(),
        StandardCharsets.UTF_8);
    validate(xml);
    assertTrue(xml.contains("<Name>cite:Lakes</Name>") && xml.contains("<Name>cite:BasicPolygons</Name>"));
    assertTrue(!xml.contains("CRS=\"EPSG:326") && !xml.contains("CRS=\"EPSG:327"), "no UTM box near 0°, 0°");
    assertTrue(xml.contains("<ContactAddress><AddressType>postal</AddressType>") && xml.contains(
        "<Country>Indonesia</Country>"));
    assertTrue(xml.contains("<OnlineResource xlink:type=\"simple\" xlink:href=\"http://h/ogc/collections/"
        + "cite%3ALakes?f=json\"/>"), "MetadataURL to the OGC API collection");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Name>cite:Bridges</Name>.*?<BoundingBox CRS=\"CRS:84\" "
        + "minx=\"([-\\d.]+)\" miny=\"([-\\d.]+)\" maxx=\"([-\\d.]+)\" maxy=\"([-\\d.]+)\"", java.util.regex.Pattern.DOTALL)
        .matcher(xml);
    assertTrue(m.find(), "cite:Bridges has a CRS:84 box");
    double w = Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(1));
    double h = Double.parseDouble(m.group(4)) - Double.parseDouble(m.group(2));
    assertEquals(2 * CapabilitiesWriter.POINT_MARGIN_DEG, w, 1e-6, "one point: a box of ±1e-4° around it");
    assertEquals(2 * CapabilitiesWriter.POINT_MARGIN_DEG, h, 1e-6);
    WmsService.Response map = wms.handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=cite:Bridges"
        + "&STYLES=&CRS=CRS:84&BBOX=" + m.group(1) + "," + m.group(2) + "," + m.group(3) + "," + m.group(4)
        + "&WIDTH=64&HEIGHT=64&FORMAT=image/png"), "http://h/wms");
    assertEquals("image/png", map.contentType(), "the advertised box is a valid GetMap BBOX");
  }

  @Test
  void getMapAndGetFeatureInfoNeedVersion() {
    for (String req : new String[] {"GetMap", "GetFeatureInfo"}) {
      WmsException e = assertThrows(WmsException.class, () -> WmsFixture.service().handle(params(
          "SERVICE=WMS&REQUEST=" + req + "&LAYERS=estates&QUERY_LAYERS=estates&STYLES=&CRS=CRS:84"
              + "&BBOX=112.6,-7.4,112.8,-7.2&WIDTH=64&HEIGHT=64&FORMAT=image/png&I=1&J=1"), "http://h/wms"));
      assertEquals("MissingParameterValue", e.code(), req);
      assertEquals("VERSION", e.locator(), req);
    }
  }

  /** Resolves schema imports inside the schema jar only; anything else (a network URL) fails the test. */
  private static final class JarResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
      try {
        URL url = URI.create(baseUri).resolve(systemId).toURL();
        if (!"jar".equals(url.getProtocol())) {
          throw new IllegalStateException("schema import outside the jar: " + url);
        }
        return new Input(url, publicId, systemId, baseUri);
      } catch (IllegalArgumentException | java.net.MalformedURLException e) {
        // jar: URIs are opaque for URI.resolve: resolve against the entry path by hand
        String base = baseUri.substring(0, baseUri.lastIndexOf('/') + 1);
        String path = base + systemId;
        while (path.contains("/../")) {
          path = path.replaceFirst("/[^/]+/\\.\\./", "/");
        }
        try {
          return new Input(new URL(path), publicId, systemId, baseUri);
        } catch (java.net.MalformedURLException e2) {
          throw new IllegalStateException(e2);
        }
      }
    }
  }

  private record Input(URL url, String publicId, String systemId, String baseURI) implements LSInput {
    @Override public Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(Reader r) { }
    @Override public InputStream getByteStream() {
      try {
        return url.openStream();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    @Override public void setByteStream(InputStream s) { }
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) { }
    @Override public String getSystemId() { return url.toString(); }
    @Override public void setSystemId(String s) { }
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String s) { }
    @Override public String getBaseURI() { return baseURI; }
    @Override public void setBaseURI(String s) { }
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) { }
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) { }
  }
}
