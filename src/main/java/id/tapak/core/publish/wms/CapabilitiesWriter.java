package id.tapak.core.publish.wms;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.render.BboxProjector;
import id.tapak.core.publish.render.MapCrs;
import id.tapak.core.publish.style.Style;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the WMS 1.3.0 capabilities document with StAX: Service (with MaxWidth/MaxHeight), the three operations,
 * the exception formats, and a layer tree: an unnamed root (all CRSs, overall extent) → one unnamed group per role
 * present → the catalog layers, then the named group {@code checks} with the two check layers (when there is a check
 * store). Every named layer has an EX_GeographicBoundingBox and BoundingBoxes in CRS:84, EPSG:4326 (<b>lat/lon order</b>, as WMS 1.3.0 requires),
 * EPSG:3857 and its UTM zone, and a Style with a LegendURL to GetLegendGraphic per style. Valid against the OGC
 * schema (checked in the tests). Thread-safe.
 */
public final class CapabilitiesWriter {

  static final String NS = "http://www.opengis.net/wms";
  static final String XLINK = "http://www.w3.org/1999/xlink";
  /** Indonesia and a margin: the root extent when the catalog is empty. */
  private static final Envelope INDONESIA = new Envelope(94, 142, -11.5, 6.5);

  /** Half the side, degrees, of the box given to a layer whose extent is one point (about 11 m). */
  static final double POINT_MARGIN_DEG = 1e-4;

  private final LegendRenderer legends = new LegendRenderer();
  private final ServiceContact contact;

  public CapabilitiesWriter() {
    this(ServiceContact.DEFAULT);
  }

  public CapabilitiesWriter(ServiceContact contact) {
    this.contact = contact;
  }

  /**
   * @param onlineResource the service URL ending in {@code /wms}, as clients should call it
   * @param maxWidth largest WIDTH accepted
   * @param maxHeight largest HEIGHT accepted
   */
  public byte[] write(WmsLayers layers, String onlineResource, int maxWidth, int maxHeight) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.setDefaultNamespace(NS);
      w.setPrefix("xlink", XLINK);
      w.writeStartElement(NS, "WMS_Capabilities");
      w.writeDefaultNamespace(NS);
      w.writeNamespace("xlink", XLINK);
      w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      w.writeAttribute("version", "1.3.0");
      w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
          NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
      service(w, layers.catalog(), onlineResource, maxWidth, maxHeight);
      w.writeStartElement(NS, "Capability");
      w.writeStartElement(NS, "Request");
      operation(w, "GetCapabilities", onlineResource, List.of("text/xml"));
      operation(w, "GetMap", onlineResource, List.of(GetMapRequest.PNG, GetMapRequest.JPEG));
      operation(w, "GetFeatureInfo", onlineResource,
          List.of(GetFeatureInfoRequest.JSON, GetFeatureInfoRequest.HTML, GetFeatureInfoRequest.TEXT));
      w.writeEndElement();
      w.writeStartElement(NS, "Exception");
      for (String f : List.of("XML", "INIMAGE", "BLANK")) {
        text(w, "Format", f);
      }
      w.writeEndElement();
      rootLayer(w, layers, onlineResource);
      w.writeEndElement(); // Capability
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write capabilities", e);
    }
    return out.toByteArray();
  }

  private void service(XMLStreamWriter w, Catalog catalog, String url, int maxW, int maxH)
      throws XMLStreamException {
    w.writeStartElement(NS, "Service");
    text(w, "Name", "WMS");
    LocalizedText title = catalog.project().project().title();
    text(w, "Title", title.both());
    text(w, "Abstract", "Peta lokasi kawasan industri (PP 20/2024) dan hasil pemeriksaan. / "
        + "Industrial-estate location maps (PP 20/2024) and check results.");
    w.writeStartElement(NS, "KeywordList");
    for (String k : List.of("kawasan industri", "industrial estate", "pola ruang", "RTRW", "PP 20/2024")) {
      text(w, "Keyword", k);
    }
    w.writeEndElement();
    onlineResource(w, url);
    contactInformation(w);
    text(w, "Fees", "none");
    text(w, "AccessConstraints", "none");
    text(w, "MaxWidth", Integer.toString(maxW));
    text(w, "MaxHeight", Integer.toString(maxH));
    w.writeEndElement();
  }

  /** ContactInformation in schema order; the address block is always there, as the country is always known. */
  private void contactInformation(XMLStreamWriter w) throws XMLStreamException {
    ServiceContact c = contact;
    w.writeStartElement(NS, "ContactInformation");
    if (!c.person().isEmpty() || !c.organization().isEmpty()) {
      w.writeStartElement(NS, "ContactPersonPrimary");
      text(w, "ContactPerson", c.person());
      text(w, "ContactOrganization", c.organization());
      w.writeEndElement();
    }
    if (!c.position().isEmpty()) {
      text(w, "ContactPosition", c.position());
    }
    w.writeStartElement(NS, "ContactAddress");
    text(w, "AddressType", "postal");
    text(w, "Address", c.address());
    text(w, "City", c.city());
    text(w, "StateOrProvince", c.province());
    text(w, "PostCode", c.postCode());
    text(w, "Country", c.country());
    w.writeEndElement();
    if (!c.phone().isEmpty()) {
      text(w, "ContactVoiceTelephone", c.phone());
    }
    if (!c.email().isEmpty()) {
      text(w, "ContactElectronicMailAddress", c.email());
    }
    w.writeEndElement();
  }

  private static void operation(XMLStreamWriter w, String name, String url, List<String> formats)
      throws XMLStreamException {
    w.writeStartElement(NS, name);
    for (String f : formats) {
      text(w, "Format", f);
    }
    w.writeStartElement(NS, "DCPType");
    w.writeStartElement(NS, "HTTP");
    w.writeStartElement(NS, "Get");
    onlineResource(w, url + "?");
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
  }

  private void rootLayer(XMLStreamWriter w, WmsLayers layers, String url) throws XMLStreamException {
    w.writeStartElement(NS, "Layer");
    text(w, "Title", layers.catalog().project().project().title().both());
    text(w, "CRS", "CRS:84");
    for (int code : CrsRegistry.supported()) {
      text(w, "CRS", "EPSG:" + code);
    }
    Envelope all = new Envelope();
    for (WmsLayers.Entry e : layers.entries()) {
      if (e.layer() != null && !e.layer().bboxIfAvailable().isNull()) {
        all.expandToInclude(e.layer().bboxIfAvailable());
      }
    }
    extent(w, all.isNull() ? INDONESIA : all);
    for (LayerRole role : LayerRole.values()) {
      List<WmsLayers.Entry> members = layers.entries().stream().filter(e -> e.role() == role).toList();
      if (members.isEmpty()) {
        continue;
      }
      w.writeStartElement(NS, "Layer");
      text(w, "Title", RoleTitles.of(role).both());
      for (WmsLayers.Entry e : members) {
        layer(w, e, e.layer().bboxIfAvailable(), url);
      }
      w.writeEndElement();
    }
    if (layers.hasChecks()) {
      checksGroup(w, layers, all, url);
    }
    // derived layers (corridor suitability grids, candidate sites), one group per kind
    java.util.Map<LocalizedText, List<WmsLayers.Entry>> groups = new java.util.LinkedHashMap<>();
    for (WmsLayers.Entry e : layers.entries()) {
      if (e.derived() != null) {
        groups.computeIfAbsent(e.derived().group(), g -> new java.util.ArrayList<>()).add(e);
      }
    }
    for (var g : groups.entrySet()) {
      w.writeStartElement(NS, "Layer");
      text(w, "Title", g.getKey().both());
      for (WmsLayers.Entry e : g.getValue()) {
        layer(w, e, e.derived().bbox(), url);
      }
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  /** The group {@code checks} with the check store's two layers, over the catalog's extent. */
  private void checksGroup(XMLStreamWriter w, WmsLayers layers, Envelope all, String url) throws XMLStreamException {
    w.writeStartElement(NS, "Layer");
    w.writeAttribute("queryable", "1");
    text(w, "Name", WmsLayers.CHECKS);
    text(w, "Title", "Hasil pemeriksaan / Check results");
    text(w, "Abstract", "Lokasi yang diperiksa menurut putusan, dan konfliknya; CHECK_ID=... menyaring satu "
        + "pemeriksaan. / Checked sites by verdict and their conflicts; CHECK_ID=... filters one check.");
    w.writeStartElement(NS, "KeywordList");
    text(w, "Keyword", "check");
    text(w, "Keyword", "tapak");
    w.writeEndElement();
    checksMetadataUrl(w, url);
    for (String n : List.of(WmsLayers.CHECK_SITES, WmsLayers.CHECK_CONFLICTS)) {
      layer(w, layers.entry(n, "LAYERS"), all.isNull() ? INDONESIA : all, url);
    }
    w.writeEndElement();
  }

  private void layer(XMLStreamWriter w, WmsLayers.Entry e, Envelope bbox, String url) throws XMLStreamException {
    w.writeStartElement(NS, "Layer");
    w.writeAttribute("queryable", "1");
    text(w, "Name", e.name());
    text(w, "Title", e.title().both());
    String description = e.derived() != null ? e.derived().description()
        : e.layer() == null ? null : e.layer().spec().description();
    text(w, "Abstract", description != null ? description : e.title().both());
    w.writeStartElement(NS, "KeywordList");
    text(w, "Keyword", e.role() != null ? e.role().wireName() : e.derived() != null ? "corridor" : "check");
    text(w, "Keyword", "tapak");
    w.writeEndElement();
    Envelope b = bbox.isNull() ? INDONESIA : bbox;
    extent(w, b);
    if (e.layer() != null && e.layer().spec().attribution() != null) {
      w.writeStartElement(NS, "Attribution");
      text(w, "Title", e.layer().spec().attribution());
      w.writeEndElement();
    }
    metadataUrl(w, e, url);
    for (Style s : e.styles()) {
      w.writeStartElement(NS, "Style");
      text(w, "Name", s.name());
      text(w, "Title", s.title());
      int[] size = legends.size(s);
      w.writeStartElement(NS, "LegendURL");
      w.writeAttribute("width", Integer.toString(size[0]));
      w.writeAttribute("height", Integer.toString(size[1]));
      text(w, "Format", GetMapRequest.PNG);
      onlineResource(w, url + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image%2Fpng&LAYER="
          + enc(e.name()) + "&STYLE=" + enc(s.name()));
      w.writeEndElement();
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  /**
   * A MetadataURL per named layer (WMS 1.3.0 §7.2.4.6.11 recommends one): the layer's OGC API – Features collection
   * document (JSON: title, description, extent, CRSs), or the checks API for the check layers.
   */
  private static void metadataUrl(XMLStreamWriter w, WmsLayers.Entry e, String url) throws XMLStreamException {
    if (e.layer() == null) {
      checksMetadataUrl(w, url);
      return;
    }
    // f=json: a client that prefers text/html (Java's default Accept does) must still get the JSON advertised
    metadataUrl(w, "OGC-API-Features-Collection",
        root(url) + "/ogc/collections/" + enc(e.name()).replace("+", "%20") + "?f=json");
  }

  private static void checksMetadataUrl(XMLStreamWriter w, String url) throws XMLStreamException {
    metadataUrl(w, "Tapak-Checks", root(url) + "/api/checks");
  }

  private static void metadataUrl(XMLStreamWriter w, String type, String href) throws XMLStreamException {
    w.writeStartElement(NS, "MetadataURL");
    w.writeAttribute("type", type);
    text(w, "Format", "application/json");
    onlineResource(w, href);
    w.writeEndElement();
  }

  /** The service root: the WMS URL without its {@code /wms}. */
  private static String root(String url) {
    return url.endsWith("/wms") ? url.substring(0, url.length() - 4) : url;
  }

  /**
   * EX_GeographicBoundingBox plus BoundingBox in CRS:84, EPSG:4326 (lat/lon), EPSG:3857 and the UTM zone. A layer
   * whose extent is one point gets a box of ±{@link #POINT_MARGIN_DEG} around it: a zero-area box is not a valid
   * GetMap BBOX, and clients (and ets-wms13) build their requests from it. The UTM box is written only when the
   * centre lies in one of the zones Tapak serves (46–54); elsewhere a projected box would be meaningless.
   */
  private static void extent(XMLStreamWriter w, Envelope lonLat) throws XMLStreamException {
    Envelope in = new Envelope(lonLat);
    if (in.getWidth() == 0 || in.getHeight() == 0) {
      in.expandBy(in.getWidth() == 0 ? POINT_MARGIN_DEG : 0, in.getHeight() == 0 ? POINT_MARGIN_DEG : 0);
    }
    Envelope b = new Envelope(Math.max(-180, in.getMinX()), Math.min(180, in.getMaxX()),
        Math.max(-90, in.getMinY()), Math.min(90, in.getMaxY()));
    w.writeStartElement(NS, "EX_GeographicBoundingBox");
    text(w, "westBoundLongitude", num(b.getMinX()));
    text(w, "eastBoundLongitude", num(b.getMaxX()));
    text(w, "southBoundLatitude", num(b.getMinY()));
    text(w, "northBoundLatitude", num(b.getMaxY()));
    w.writeEndElement();
    box(w, "CRS:84", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    box(w, "EPSG:4326", b.getMinY(), b.getMinX(), b.getMaxY(), b.getMaxX());
    Envelope m = BboxProjector.project(b, MapCrs.WEB_MERCATOR);
    box(w, "EPSG:3857", m.getMinX(), m.getMinY(), m.getMaxX(), m.getMaxY());
    double lon = b.centre().x;
    int zone = (int) Math.floor((lon + 180) / 6) + 1;
    if (zone >= 46 && zone <= 54) {
      int utm = CrsRegistry.utmZoneFor(lon, b.centre().y);
      Envelope u = BboxProjector.project(b, MapCrs.of(utm));
      box(w, "EPSG:" + utm, u.getMinX(), u.getMinY(), u.getMaxX(), u.getMaxY());
    }
  }

  private static void box(XMLStreamWriter w, String crs, double a, double b, double c, double d)
      throws XMLStreamException {
    w.writeEmptyElement(NS, "BoundingBox");
    w.writeAttribute("CRS", crs);
    w.writeAttribute("minx", num(a));
    w.writeAttribute("miny", num(b));
    w.writeAttribute("maxx", num(c));
    w.writeAttribute("maxy", num(d));
  }

  private static void onlineResource(XMLStreamWriter w, String href) throws XMLStreamException {
    w.writeEmptyElement(NS, "OnlineResource");
    w.writeAttribute(XLINK, "type", "simple");
    w.writeAttribute(XLINK, "href", href);
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(NS, name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
