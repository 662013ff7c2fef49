package id.tapak.core.publish.style;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/** Reads SLD 1.0 symbolizer elements (Fill, Stroke, Graphic/Mark, Label, Font, Halo) into {@link Symbolizer}s. */
final class SldSymbolizers {

  private SldSymbolizers() {}

  static Symbolizer.Polygon polygon(Element e) {
    Element fill = SldReader.child(e, "Fill");
    Element stroke = SldReader.child(e, "Stroke");
    Color f = fill == null ? null : fill(fill, "#808080");
    Color s = stroke == null ? null : stroke(stroke);
    return new Symbolizer.Polygon(f, s, stroke == null ? 0 : width(stroke));
  }

  static Symbolizer.Line line(Element e) {
    Element stroke = SldReader.child(e, "Stroke");
    if (stroke == null) {
      return new Symbolizer.Line(Color.BLACK, 1, null);
    }
    Map<String, String> p = params(stroke);
    float[] dash = null;
    String d = p.get("stroke-dasharray");
    if (d != null && !d.isBlank()) {
      String[] parts = d.trim().split("[ ,]+");
      if (parts.length > SldReader.MAX_DASHES) {
        throw new SldReader.SldException("stroke-dasharray may have at most " + SldReader.MAX_DASHES
            + " entries, got " + parts.length, null);
      }
      dash = new float[parts.length];
      for (int i = 0; i < parts.length; i++) {
        dash[i] = (float) SldReader.number(parts[i], 1, "stroke-dasharray", 0, SldReader.MAX_SIZE_PX);
      }
    }
    return new Symbolizer.Line(stroke(stroke), width(stroke), dash);
  }

  static Symbolizer.Point point(Element e) {
    Element graphic = SldReader.child(e, "Graphic");
    String wkn = "square";
    Color fill = new Color(128, 128, 128);
    Color stroke = null;
    float strokeWidth = 1;
    float size = 6;
    if (graphic != null) {
      Element mark = SldReader.child(graphic, "Mark");
      if (mark != null) {
        String n = SldReader.text(mark, "WellKnownName");
        wkn = n == null ? "square" : SldReader.lower(n);
        Element f = SldReader.child(mark, "Fill");
        fill = f == null ? null : fill(f, "#808080");
        Element s = SldReader.child(mark, "Stroke");
        stroke = s == null ? null : stroke(s);
        strokeWidth = s == null ? 1 : width(s);
      }
      size = (float) SldReader.number(SldReader.text(graphic, "Size"), 6, "Size", 0, SldReader.MAX_SIZE_PX);
    }
    return new Symbolizer.Point(wkn, size, fill, stroke, strokeWidth);
  }

  static Symbolizer.Text text(Element e) {
    Element label = SldReader.child(e, "Label");
    String property = label == null ? null : SldReader.text(label, "PropertyName");
    if (property == null) {
      throw new SldReader.SldException("TextSymbolizer needs Label/PropertyName", null);
    }
    Element font = SldReader.child(e, "Font");
    float size = font == null ? 10 : (float) SldReader.number(params(font).get("font-size"), 10, "font-size", 0,
        SldReader.MAX_SIZE_PX);
    Element fill = SldReader.child(e, "Fill");
    Element halo = SldReader.child(e, "Halo");
    Element haloFill = halo == null ? null : SldReader.child(halo, "Fill");
    Color haloColor = halo == null ? null : haloFill == null ? Color.WHITE : fill(haloFill, "#FFFFFF");
    return new Symbolizer.Text(property, size, fill == null ? Color.BLACK : fill(fill, "#000000"), haloColor);
  }

  private static Color fill(Element fill, String dflt) {
    Map<String, String> p = params(fill);
    return SldReader.color(p.getOrDefault("fill", dflt), opacity(p.get("fill-opacity")), "fill");
  }

  private static Color stroke(Element stroke) {
    Map<String, String> p = params(stroke);
    return SldReader.color(p.getOrDefault("stroke", "#000000"), opacity(p.get("stroke-opacity")), "stroke");
  }

  private static float width(Element stroke) {
    return (float) SldReader.number(params(stroke).get("stroke-width"), 1, "stroke-width", 0,
        SldReader.MAX_STROKE_PX);
  }

  private static double opacity(@Nullable String v) {
    return SldReader.number(v, 1, "opacity", 0, 1);
  }

  /** CssParameter (SLD 1.0) or SvgParameter (SE 1.1) name → value. */
  private static Map<String, String> params(Element e) {
    Map<String, String> m = new HashMap<>();
    for (Element p : SldReader.elements(e)) {
      String ln = p.getLocalName();
      if ("CssParameter".equals(ln) || "SvgParameter".equals(ln)) {
        m.put(SldReader.lower(p.getAttribute("name")), p.getTextContent().trim());
      }
    }
    return m;
  }
}
