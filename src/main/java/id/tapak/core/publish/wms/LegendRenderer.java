package id.tapak.core.publish.wms;

import id.tapak.core.model.GeometryKind;
import id.tapak.core.publish.style.Style;
import id.tapak.core.publish.style.StyleRule;
import id.tapak.core.publish.style.Symbolizer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a style's legend for GetLegendGraphic: one row per rule that draws something (label-only rules are left
 * out), a 16-pixel swatch of the layer's geometry kind, then the rule title. Thread-safe.
 */
public final class LegendRenderer {

  static final int ROW = 20;
  static final int SWATCH = 16;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  /** Width and height of the legend image, pixels (also advertised in LegendURL). */
  public int[] size(Style style) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = scratch.createGraphics();
    FontMetrics fm = g.getFontMetrics(FONT);
    int w = 40;
    List<StyleRule> rows = rows(style);
    for (StyleRule r : rows) {
      w = Math.max(w, SWATCH + 12 + fm.stringWidth(r.title()));
    }
    g.dispose();
    return new int[] {w, Math.max(ROW, rows.size() * ROW) + 4};
  }

  public BufferedImage render(Style style, GeometryKind kind, boolean transparent) {
    int[] size = size(style);
    BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    if (!transparent) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size[0], size[1]);
    }
    g.setFont(FONT);
    int y = 2;
    for (StyleRule r : rows(style)) {
      for (Symbolizer s : r.symbolizers()) {
        swatch(g, s, kind, 2, y + 2);
      }
      g.setColor(Color.DARK_GRAY);
      g.drawString(r.title(), SWATCH + 8, y + 14);
      y += ROW;
    }
    g.dispose();
    return img;
  }

  private static List<StyleRule> rows(Style style) {
    List<StyleRule> out = new ArrayList<>();
    for (StyleRule r : style.rules()) {
      if (!r.symbolizers().stream().allMatch(s -> s instanceof Symbolizer.Text)) {
        out.add(r);
      }
    }
    return out;
  }

  private static void swatch(Graphics2D g, Symbolizer s, GeometryKind kind, int x, int y) {
    if (s instanceof Symbolizer.Polygon p && kind != GeometryKind.LINE && kind != GeometryKind.POINT) {
      if (p.fill() != null) {
        g.setColor(p.fill());
        g.fillRect(x, y, SWATCH, SWATCH);
      }
      if (p.stroke() != null) {
        g.setColor(p.stroke());
        g.setStroke(new BasicStroke(Math.min(2f, Math.max(1f, p.strokeWidth()))));
        g.drawRect(x, y, SWATCH, SWATCH);
      }
    } else if (s instanceof Symbolizer.Line l && kind != GeometryKind.POINT) {
      g.setColor(l.stroke());
      g.setStroke(l.dash() == null ? new BasicStroke(Math.min(5f, l.width()))
          : new BasicStroke(Math.min(5f, l.width()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4f, l.dash(), 0f));
      if (kind == GeometryKind.LINE) {
        g.drawLine(x, y + SWATCH / 2, x + SWATCH, y + SWATCH / 2);
      } else {
        g.drawRect(x, y, SWATCH, SWATCH);
      }
    } else if (s instanceof Symbolizer.Point pt && (kind == GeometryKind.POINT || kind == GeometryKind.MIXED)) {
      double d = Math.min(SWATCH, pt.size());
      Ellipse2D e = new Ellipse2D.Double(x + (SWATCH - d) / 2, y + (SWATCH - d) / 2, d, d);
      if (pt.fill() != null) {
        g.setColor(pt.fill());
        g.fill(e);
      }
      if (pt.stroke() != null) {
        g.setColor(pt.stroke());
        g.setStroke(new BasicStroke(1f));
        g.draw(e);
      }
    }
  }
}
