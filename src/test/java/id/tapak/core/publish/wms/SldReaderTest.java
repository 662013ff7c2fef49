package id.tapak.core.publish.wms;

import static id.tapak.core.publish.wms.WmsFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.publish.style.RuleFilter;
import id.tapak.core.publish.style.SldReader;
import id.tapak.core.publish.style.Style;
import id.tapak.core.publish.style.StyleRule;
import id.tapak.core.publish.style.Symbolizer;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLD 1.0 subset: filters, scale denominators, symbolizers; hostile XML (XXE, entity bombs) refused. */
class SldReaderTest {

  private static final String NS = "xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\"";

  private static Map<String, List<Style>> read(String xml) {
    return SldReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String sld(String layer, String rules) {
    return "<StyledLayerDescriptor version=\"1.0.0\" " + NS + "><NamedLayer><Name>" + layer + "</Name><UserStyle>"
        + "<Name>s1</Name><Title>T</Title><FeatureTypeStyle>" + rules + "</FeatureTypeStyle></UserStyle></NamedLayer>"
        + "</StyledLayerDescriptor>";
  }

  @Test
  void filtersScalesAndSymbolizers() {
    String rules = "<Rule><Name>a</Name><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>NAMOBJ</ogc:PropertyName>"
        + "<ogc:Literal>Kawasan Permukiman</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"
        + "<MinScaleDenominator>1000</MinScaleDenominator><MaxScaleDenominator>50000</MaxScaleDenominator>"
        + "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#FFCC00</CssParameter>"
        + "<CssParameter name=\"fill-opacity\">0.5</CssParameter></Fill><Stroke><CssParameter name=\"stroke\">#333333"
        + "</CssParameter><CssParameter name=\"stroke-width\">2</CssParameter></Stroke></PolygonSymbolizer>"
        + "<TextSymbolizer><Label><ogc:PropertyName>nama</ogc:PropertyName></Label><Font><CssParameter "
        + "name=\"font-size\">12</CssParameter></Font><Halo><Fill><CssParameter name=\"fill\">#FFFFFF</CssParameter>"
        + "</Fill></Halo></TextSymbolizer></Rule>"
        + "<Rule><ogc:Filter><ogc:Or><ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escape=\"!\">"
        + "<ogc:PropertyName>REMARK</ogc:PropertyName><ogc:Literal>Jalan Tol%</ogc:Literal></ogc:PropertyIsLike>"
        + "<ogc:PropertyIsNotEqualTo><ogc:PropertyName>x</ogc:PropertyName><ogc:Literal>1</ogc:Literal>"
        + "</ogc:PropertyIsNotEqualTo></ogc:Or></ogc:Filter><LineSymbolizer><Stroke><CssParameter name=\"stroke\">"
        + "#FF0000</CssParameter><CssParameter name=\"stroke-dasharray\">5 2</CssParameter></Stroke></LineSymbolizer>"
        + "</Rule><Rule><ElseFilter/><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill>"
        + "<CssParameter name=\"fill\">#0000FF</CssParameter></Fill></Mark><Size>8</Size></Graphic></PointSymbolizer>"
        + "</Rule>";
    Style s = read(sld("plan", rules)).get("plan").get(0);
    assertEquals("s1", s.name());
    StyleRule a = s.rules().get(0);
    assertTrue(a.inScale(1000) && a.inScale(49_999) && !a.inScale(50_000) && !a.inScale(999));
    assertTrue(a.matches(Map.of("NAMOBJ", "Kawasan Permukiman")));
    assertFalse(a.matches(Map.of("NAMOBJ", "Kawasan Permukiman Perdesaan")));
    Symbolizer.Polygon p = assertInstanceOf(Symbolizer.Polygon.class, a.symbolizers().get(0));
    assertEquals(new Color(0xFF, 0xCC, 0x00, 128), p.fill());
    assertEquals(2f, p.strokeWidth());
    Symbolizer.Text t = assertInstanceOf(Symbolizer.Text.class, a.symbolizers().get(1));
    assertEquals("nama", t.property());
    assertEquals(12f, t.size());
    StyleRule b = s.rules().get(1);
    assertInstanceOf(RuleFilter.Any.class, b.filter());
    assertTrue(b.matches(Map.of("REMARK", "Jalan Tol Surabaya", "x", "1")));
    assertFalse(b.matches(Map.of("REMARK", "Jalan Lokal", "x", "1")));
    assertTrue(b.matches(Map.of("REMARK", "Jalan Lokal", "x", "2")), "NotEqualTo");
    assertEquals(2, ((Symbolizer.Line) b.symbolizers().get(0)).dash().length);
    StyleRule c = s.rules().get(2);
    assertTrue(c.elseFilter());
    assertNull(c.filter());
    assertEquals(8f, ((Symbolizer.Point) c.symbolizers().get(0)).size());
  }

  @Test
  void theExampleSldsInLayersStylesParse() throws Exception {
    try (var in = Files.newInputStream(Path.of("layers/styles/pola_ruang_atr.sld"))) {
      List<Style> s = SldReader.read(in).get("pola_ruang");
      assertEquals(List.of("pola_ruang_atr", "kpi_saja"), s.stream().map(Style::name).toList());
      assertTrue(s.get(0).rules().get(0).matches(Map.of("NAMOBJ", "Kawasan Peruntukan Industri")));
    }
    try (var in = Files.newInputStream(Path.of("layers/styles/estates_status.sld"))) {
      assertEquals("status_kawasan", SldReader.read(in).get("estates").get(0).name());
    }
  }

  @Test
  void likeEscapeAndSingleChar() {
    RuleFilter.Like l = RuleFilter.Like.of("k", "a_c!%*", '*', '_', '!');
    assertTrue(l.test(Map.of("k", "abc%xyz")));
    assertFalse(l.test(Map.of("k", "abcxyz")));
  }

  @Test
  void unsupportedFilterAndBadColourAreRefused() {
    String between = "<Rule><ogc:Filter><ogc:PropertyIsBetween><ogc:PropertyName>a</ogc:PropertyName>"
        + "</ogc:PropertyIsBetween></ogc:Filter></Rule>";
    assertThrows(SldReader.SldException.class, () -> read(sld("x", between)));
    String bad = "<Rule><PolygonSymbolizer><Fill><CssParameter name=\"fill\">purple</CssParameter></Fill>"
        + "</PolygonSymbolizer></Rule>";
    assertThrows(SldReader.SldException.class, () -> read(sld("x", bad)));
  }

  @Test
  void xxeIsRefusedNotRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE sld [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + sld("&xxe;", "<Rule/>");
    SldReader.SldException e = assertThrows(SldReader.SldException.class, () -> read(xxe));
    assertFalse(e.getMessage().contains("TOP-SECRET"));
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
        + sld("&b;", "<Rule/>");
    assertThrows(SldReader.SldException.class, () -> read(bomb));
  }

  @Test
  void xxeInSldBodyIsAServiceException(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE sld [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + sld("estates", "<Rule><TextSymbolizer><Label><ogc:PropertyName>&xxe;</ogc:PropertyName></Label>"
        + "</TextSymbolizer></Rule>");
    WmsException e = assertThrows(WmsException.class, () -> WmsFixture.service().handle(params(
        "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=estates&STYLES=&CRS=CRS:84&BBOX=112,-8,113,-7&WIDTH=8"
        + "&HEIGHT=8&FORMAT=image/png&SLD_BODY=" + xxe), "http://h/wms"));
    assertEquals("InvalidParameterValue", e.code());
    assertEquals("SLD_BODY", e.locator());
    assertFalse(e.getMessage().contains("TOP-SECRET"));
    assertTrue(URLEncoder.encode(xxe, StandardCharsets.UTF_8).length() > 0);
  }

  @Test
  void sldBodyStylesARequest() {
    String red = sld("estates", "<Rule><PolygonSymbolizer><Fill><CssParameter name=\"fill\">#00FF00</CssParameter>"
        + "</Fill></PolygonSymbolizer></Rule>");
    WmsService.Response r = WmsFixture.service().handle(params("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=estates"
        + "&STYLES=&CRS=CRS:84&BBOX=112.745,-7.335,112.765,-7.320&WIDTH=20&HEIGHT=20&FORMAT=image/png&SLD_BODY=" + red),
        "http://h/wms");
    assertEquals(0xFF00FF00, WmsFixture.decode(r.body()).getRGB(10, 10));
  }
}
