package id.tapak.core.publish.style;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the supported SLD 1.0 subset into {@link Style}s: {@code NamedLayer/UserStyle/FeatureTypeStyle/Rule} with
 * Name, Title, an {@code ogc:Filter} of PropertyIsEqualTo / PropertyIsNotEqualTo / PropertyIsLike / And / Or / Not,
 * ElseFilter, Min/MaxScaleDenominator, and Polygon, Line, Point (Mark) and Text symbolizers with their
 * {@code CssParameter}s (SE {@code SvgParameter} is accepted too). Anything else inside a rule is ignored.
 *
 * <p>The parser is hardened against hostile {@code SLD_BODY}s: any DOCTYPE is refused (so no internal or external
 * entity, no XXE, no entity expansion bomb), external DTDs and schemas are never fetched, XInclude is off.
 * Elements nested deeper than {@link #MAX_DEPTH} are refused by the parser itself (JAXP
 * {@code jdk.xml.maxElementDepth}), so a filter of 20 000 nested {@code Not}s never reaches the recursive reading
 * below; numeric parameters (stroke width, sizes, dashes) are refused outside their stated ranges, so a
 * {@code stroke-width} of 1e9 cannot make one tile cost minutes. Thread-safe: each call makes its own parser.
 */
public final class SldReader {

  /** A malformed or unsupported SLD; the message is safe to show to clients. */
  public static final class SldException extends IllegalArgumentException {
    public SldException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /** Deepest element nesting accepted in an SLD; a real SLD with an And/Or/Not filter needs about 12. */
  public static final int MAX_DEPTH = 64;
  /** Widest stroke (stroke-width, also of marks), pixels. */
  static final double MAX_STROKE_PX = 100;
  /** Largest mark Size and font-size, pixels. */
  static final double MAX_SIZE_PX = 256;
  /** Most entries in a stroke-dasharray; each is 0..{@link #MAX_SIZE_PX} pixels. */
  static final int MAX_DASHES = 16;

  private SldReader() {}

  /** Styles per NamedLayer name, in document order. */
  public static Map<String, List<Style>> read(InputStream in) {
    Document doc;
    try {
      doc = secureBuilder().parse(in);
    } catch (SAXException e) {
      if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
        throw new SldException("SLD elements are nested deeper than " + MAX_DEPTH + " levels", e);
      }
      throw new SldException("SLD is not acceptable XML (DOCTYPEs and entities are refused): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SldException("SLD cannot be read: " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!"StyledLayerDescriptor".equals(root.getLocalName())) {
      throw new SldException("root element must be StyledLayerDescriptor, got " + root.getLocalName(), null);
    }
    Map<String, List<Style>> out = new LinkedHashMap<>();
    for (Element layer : children(root, "NamedLayer")) {
      String name = text(layer, "Name");
      if (name == null) {
        throw new SldException("NamedLayer without Name", null);
      }
      List<Style> styles = new ArrayList<>();
      for (Element us : children(layer, "UserStyle")) {
        styles.add(style(us, styles.size()));
      }
      out.computeIfAbsent(name, k -> new ArrayList<>()).addAll(styles);
    }
    if (out.isEmpty()) {
      throw new SldException("SLD has no NamedLayer with a UserStyle", null);
    }
    return out;
  }

  static DocumentBuilder secureBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
      b.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not allowed");
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks the security features SLD parsing needs", e);
    }
  }

  private static Style style(Element us, int index) {
    String name = text(us, "Name");
    String title = text(us, "Title");
    List<StyleRule> rules = new ArrayList<>();
    for (Element fts : children(us, "FeatureTypeStyle")) {
      for (Element r : children(fts, "Rule")) {
        rules.add(rule(r, rules.size()));
      }
    }
    String n = name != null ? name : "style" + (index + 1);
    return new Style(n, title != null ? title : n, rules);
  }

  private static StyleRule rule(Element r, int index) {
    String name = text(r, "Name");
    String title = text(r, "Title");
    String n = name != null ? name : "rule" + (index + 1);
    Element filterEl = child(r, "Filter");
    RuleFilter filter = null;
    if (filterEl != null) {
      List<Element> kids = elements(filterEl);
      if (kids.size() != 1) {
        throw new SldException("rule " + n + ": Filter must hold exactly one operator", null);
      }
      filter = filter(kids.get(0));
    }
    boolean elseFilter = child(r, "ElseFilter") != null;
    double min = number(text(r, "MinScaleDenominator"), 0, "MinScaleDenominator", 0, Double.POSITIVE_INFINITY);
    double max = number(text(r, "MaxScaleDenominator"), Double.POSITIVE_INFINITY, "MaxScaleDenominator", 0,
        Double.POSITIVE_INFINITY);
    List<Symbolizer> syms = new ArrayList<>();
    for (Element e : elements(r)) {
      switch (e.getLocalName()) {
        case "PolygonSymbolizer" -> syms.add(SldSymbolizers.polygon(e));
        case "LineSymbolizer" -> syms.add(SldSymbolizers.line(e));
        case "PointSymbolizer" -> syms.add(SldSymbolizers.point(e));
        case "TextSymbolizer" -> syms.add(SldSymbolizers.text(e));
        default -> { } // Name, Title, Abstract, Filter, scales, LegendGraphic, RasterSymbolizer: not drawn
      }
    }
    try {
      return new StyleRule(n, title != null ? title : n, filter, elseFilter, min, max, syms);
    } catch (IllegalArgumentException e) {
      throw new SldException(e.getMessage(), e);
    }
  }

  static RuleFilter filter(Element e) {
    String op = e.getLocalName();
    switch (op) {
      case "PropertyIsEqualTo":
        return new RuleFilter.Equal(required(e, "PropertyName"), literal(e));
      case "PropertyIsNotEqualTo":
        return new RuleFilter.Not(new RuleFilter.Equal(required(e, "PropertyName"), literal(e)));
      case "PropertyIsLike":
        String escape = attr(e, "escape", attr(e, "escapeChar", "\\"));
        try {
          return RuleFilter.Like.of(required(e, "PropertyName"), literal(e), attr(e, "wildCard", "*").charAt(0),
              attr(e, "singleChar", "?").charAt(0), escape.charAt(0));
        } catch (IllegalArgumentException tooLong) {
          throw new SldException("PropertyIsLike: " + tooLong.getMessage(), tooLong);
        }
      case "And":
      case "Or":
        List<RuleFilter> parts = new ArrayList<>();
        for (Element k : elements(e)) {
          parts.add(filter(k));
        }
        return op.equals("And") ? new RuleFilter.All(parts) : new RuleFilter.Any(parts);
      case "Not":
        List<Element> k = elements(e);
        if (k.size() != 1) {
          throw new SldException("Not must hold exactly one operator", null);
        }
        return new RuleFilter.Not(filter(k.get(0)));
      default:
        throw new SldException("filter operator " + op + " is not supported (supported: PropertyIsEqualTo, "
            + "PropertyIsNotEqualTo, PropertyIsLike, And, Or, Not)", null);
    }
  }

  private static String literal(Element e) {
    String v = text(e, "Literal");
    return v == null ? "" : v;
  }

  private static String required(Element e, String name) {
    String v = text(e, name);
    if (v == null) {
      throw new SldException(e.getLocalName() + " needs a " + name, null);
    }
    return v;
  }

  private static String attr(Element e, String name, String dflt) {
    String v = e.getAttribute(name);
    return v == null || v.isEmpty() ? dflt : v;
  }

  static double number(@Nullable String v, double dflt, String what) {
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new SldException(what + " must be a number, got " + v, e);
    }
  }

  /** A number within [min, max]; the message names the parameter and the range. */
  static double number(@Nullable String v, double dflt, String what, double min, double max) {
    double n = number(v, dflt, what);
    if (!(n >= min && n <= max)) {
      throw new SldException(what + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + v, null);
    }
    return n;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** Parses #RRGGBB with an opacity 0..1. */
  static Color color(String hex, double opacity, String what) {
    String h = hex.trim();
    if (h.startsWith("#")) {
      h = h.substring(1);
    }
    try {
      if (h.length() != 6) {
        throw new NumberFormatException();
      }
      int rgb = Integer.parseInt(h, 16);
      int a = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
      return new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, a);
    } catch (NumberFormatException e) {
      throw new SldException(what + " must be a #RRGGBB colour, got " + hex, e);
    }
  }

  static List<Element> elements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el) {
        out.add(el);
      }
    }
    return out;
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Element e : elements(parent)) {
      if (localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static @Nullable Element child(Element parent, String localName) {
    for (Element e : elements(parent)) {
      if (localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  static @Nullable String text(Element parent, String localName) {
    Element e = child(parent, localName);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
