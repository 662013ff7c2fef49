package id.tapak.core.publish.render;

import id.tapak.core.catalog.DrawQuery;
import id.tapak.core.model.Budget;
import id.tapak.core.publish.style.Style;
import id.tapak.core.publish.style.StyleRule;
import id.tapak.core.publish.style.Symbolizer;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a map with Java2D: for each layer, the features whose projected envelope meets the map (STRtree), each
 * through the rules of its style in scale, then the labels on top, placed greedily without overlaps. Antialiased.
 * Thread-safe (no state between calls).
 */
public final class MapRenderer {

  /** One layer to draw: its features projected into the map CRS, and the style to draw them with. */
  public record RenderLayer(ProjectedLayer data, Style style) {}

  private record Label(String text, double x, double y, Symbolizer.Text sym) {}

  /** Pixels around the map whose features are still drawn, so wide strokes and marks just outside show at the edge. */
  public static final int MARGIN_PX = 8;
  /** Largest ratio of a pixel's degrees across to its degrees up (or back) at which a drawing query is thinned. */
  static final double THIN_ANISOTROPY = 1.05;

  /**
   * What to ask of a layer drawn with {@code style} on this map ({@link id.tapak.core.catalog.Layer#visitForDrawing}):
   * the features in the map and its {@link #MARGIN_PX} margin; clipped, unless the style labels at this scale (a label sits at the
   * centre of the whole feature's envelope), to a box another margin plus the widest stroke or mark further out, so
   * no edge the clip makes, nor the end of a clipped stroke, is drawn inside the image; vertices thinned at half a
   * pixel, as {@link FeaturePainter} does (on maps whose pixels are about square in degrees); only the attributes
   * the style reads.
   */
  public static DrawQuery drawQuery(MapView view, Style style) {
    double widest = 0;
    boolean labels = false;
    for (StyleRule r : style.rules()) {
      if (!r.inScale(view.scaleDenominator())) {
        continue; // not drawn on this map
      }
      for (Symbolizer s : r.symbolizers()) {
        if (s instanceof Symbolizer.Polygon p) {
          widest = Math.max(widest, p.strokeWidth());
        } else if (s instanceof Symbolizer.Line l) {
          widest = Math.max(widest, l.width());
        } else if (s instanceof Symbolizer.Point pt) {
          widest = Math.max(widest, pt.size() + pt.strokeWidth());
        } else {
          labels = true;
        }
      }
    }
    Envelope box = BboxProjector.toLonLat(grown(view, MARGIN_PX), view.crs());
    Envelope clip = null;
    if (!labels) {
      clip = BboxProjector.toLonLat(grown(view, 2 * MARGIN_PX + Math.ceil(widest)), view.crs());
      clip.expandToInclude(box);
    }
    // degrees per pixel across and up the query box. Thinning in degrees drops what FeaturePainter's thinning in
    // pixels drops only while a pixel spans about as many degrees both ways (web-mercator tiles in Indonesia: within
    // 2 %); on a map stretched more than THIN_ANISOTROPY one way it would pick other vertices, so none are dropped
    double across = box.getWidth() / (view.width() + 2.0 * MARGIN_PX);
    double up = box.getHeight() / (view.height() + 2.0 * MARGIN_PX);
    double tolerance = Math.max(across, up) <= THIN_ANISOTROPY * Math.min(across, up) ? Math.min(across, up) / 2 : 0;
    return new DrawQuery(box, clip, tolerance, style.properties());
  }

  /** The view's box grown by {@code px} pixels on every side, in map units. */
  private static Envelope grown(MapView view, double px) {
    Envelope e = new Envelope(view.bbox());
    e.expandBy(view.resolution() * px, view.bbox().getHeight() / view.height() * px);
    return e;
  }

  /**
   * Renders onto a premultiplied-ARGB image (RGB when opaque), background per the view's transparency / colour. Images
   * up to 512×512 are reused per thread: encode the result before the same thread renders again.
   */
  public BufferedImage render(MapView req, List<RenderLayer> layers) {
    boolean alpha = req.transparent();
    BufferedImage img = canvas(req.width(), req.height(), alpha);
    Graphics2D g = img.createGraphics();
    try {
      g.setComposite(AlphaComposite.Src);
      g.setColor(alpha ? new Color(0, 0, 0, 0) : new Color(req.bgColor()));
      g.fillRect(0, 0, req.width(), req.height());
      g.setComposite(AlphaComposite.SrcOver);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      double scale = req.scaleDenominator();
      Envelope query = grown(req, MARGIN_PX);
      FeaturePainter painter = new FeaturePainter(g, req);
      List<Label> labels = new ArrayList<>();
      for (RenderLayer layer : layers) {
        draw(layer, query, scale, painter, labels);
      }
      drawLabels(g, labels, req.width(), req.height());
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * The image to draw on: premultiplied ARGB (Java2D blends into it much faster than into plain ARGB) or RGB.
   * Tile-sized canvases are reused per thread, since the caller encodes the image before rendering the next one;
   * {@link #render} documents that the result is only valid until the thread's next call.
   */
  private static BufferedImage canvas(int w, int h, boolean alpha) {
    int type = alpha ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB;
    if ((long) w * h > 512 * 512) {
      return new BufferedImage(w, h, type);
    }
    BufferedImage[] slot = CANVAS.get();
    int k = alpha ? 0 : 1;
    BufferedImage img = slot[k];
    if (img == null || img.getWidth() != w || img.getHeight() != h) {
      img = new BufferedImage(w, h, type);
      slot[k] = img;
    }
    return img;
  }

  private static final ThreadLocal<BufferedImage[]> CANVAS = ThreadLocal.withInitial(() -> new BufferedImage[2]);

  private static void draw(RenderLayer layer, Envelope query, double scale, FeaturePainter painter,
      List<Label> labels) {
    List<StyleRule> rules = layer.style().rules();
    long active = 0;
    long otherwise = 0;
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).inScale(scale)) {
        if (rules.get(r).elseFilter()) {
          otherwise |= 1L << r;
        } else {
          active |= 1L << r;
        }
      }
    }
    if (active == 0 && otherwise == 0) {
      return;
    }
    ProjectedLayer data = layer.data();
    long[] matches = data.ruleMatches(layer.style());
    for (int i : data.query(query)) {
      Budget.checkpoint(); // per feature: a map that outruns its time budget stops here, nothing is cached
      long hit = active & (matches != null ? matches[i] : matchAll(rules, data.feature(i).properties()));
      painter.begin(i);
      boolean drawn = false;
      for (int r = 0; r < rules.size(); r++) {
        if ((hit & (1L << r)) != 0) {
          StyleRule rule = rules.get(r);
          // a rule that only labels does not count as "drawn" for ElseFilter purposes
          drawn |= rule.filter() != null || !rule.symbolizers().stream().allMatch(s -> s instanceof Symbolizer.Text);
          apply(rule, data, i, painter, labels);
        }
      }
      if (!drawn && otherwise != 0) {
        for (int r = 0; r < rules.size(); r++) {
          if ((otherwise & (1L << r)) != 0) {
            apply(rules.get(r), data, i, painter, labels);
          }
        }
      }
    }
  }

  /** Filter bits for one feature, for styles too large for the per-layer cache (more than 64 rules: none drawn). */
  private static long matchAll(List<StyleRule> rules, java.util.Map<String, @org.jspecify.annotations.Nullable Object> p) {
    long bits = 0;
    for (int r = 0; r < Math.min(64, rules.size()); r++) {
      if (rules.get(r).matches(p)) {
        bits |= 1L << r;
      }
    }
    return bits;
  }

  private static void apply(StyleRule r, ProjectedLayer data, int i, FeaturePainter painter, List<Label> labels) {
    for (Symbolizer s : r.symbolizers()) {
      if (s instanceof Symbolizer.Text t) {
        Object v = data.feature(i).properties().get(t.property());
        if (v != null && !v.toString().isBlank()) {
          double[] at = anchor(data, i, painter);
          if (at != null) {
            labels.add(new Label(v.toString(), at[0], at[1], t));
          }
        }
      } else {
        painter.paint(data, s);
      }
    }
  }

  /** Where a label goes, in pixels: beside a point, at a polygon's envelope centre, at a line's middle vertex. */
  private static double @org.jspecify.annotations.Nullable [] anchor(ProjectedLayer data, int i, FeaturePainter p) {
    double[][] parts = data.parts(i);
    byte[] kinds = data.kinds(i);
    if (parts.length == 0) {
      return null;
    }
    if (kinds[0] == ProjectedLayer.POINT) {
      return new double[] {p.px(parts[0][0]) + 8, p.py(parts[0][1]) + 4};
    }
    if (kinds[0] == ProjectedLayer.LINE) {
      double[] xy = parts[0];
      int mid = (xy.length / 2) / 2;
      return new double[] {p.px(xy[2 * mid]), p.py(xy[2 * mid + 1])};
    }
    Envelope e = data.envelope(i);
    double w = (p.px(e.getMaxX()) - p.px(e.getMinX()));
    if (w < 24) {
      return null; // too small on this map for a readable label inside it
    }
    return new double[] {p.px(e.centre().x), p.py(e.centre().y)};
  }

  private static void drawLabels(Graphics2D g, List<Label> labels, int width, int height) {
    List<Rectangle2D> placed = new ArrayList<>();
    for (Label l : labels) {
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(l.sym().size()));
      g.setFont(font);
      FontMetrics fm = g.getFontMetrics();
      double w = fm.stringWidth(l.text());
      double x = l.x() - (l.sym().halo() != null && w > 0 ? w / 2 : 0);
      double y = l.y();
      Rectangle2D box = new Rectangle2D.Double(x - 2, y - fm.getAscent() - 2, w + 4, fm.getHeight() + 4);
      if (box.getMaxX() < 0 || box.getMinX() > width || box.getMaxY() < 0 || box.getMinY() > height) {
        continue;
      }
      boolean free = true;
      for (Rectangle2D r : placed) {
        if (r.intersects(box)) {
          free = false;
          break;
        }
      }
      if (!free) {
        continue;
      }
      placed.add(box);
      if (l.sym().halo() != null) {
        g.setColor(l.sym().halo());
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            g.drawString(l.text(), (float) x + dx, (float) y + dy);
          }
        }
      }
      g.setColor(l.sym().fill());
      g.drawString(l.text(), (float) x, (float) y);
    }
  }
}
