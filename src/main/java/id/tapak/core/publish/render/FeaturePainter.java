package id.tapak.core.publish.render;

import id.tapak.core.publish.style.Symbolizer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws one projected feature with a symbolizer, turning CRS x/y into pixels with the map's affine transform and
 * dropping vertices closer than half a pixel to the last one kept (so a 50 000-vertex river bank costs a few hundred
 * path segments in a z12 tile). Polygon fills and outlines of 1 px or less are drawn aliased (faster on dense plan
 * tiles, and free of see-through specks along shared edges) unless the view asks for antialiased outlines (WMS
 * {@code ANTIALIAS=FULL}); lines, wider outlines, points and labels are antialiased. Point symbolizers draw point parts only; line symbolizers stroke
 * lines and polygon outlines; polygon symbolizers fill and outline rings. Not thread-safe: one per rendering.
 */
final class FeaturePainter {

  /** Squared distance in pixels under which a vertex is dropped (0.5 px). */
  private static final double DECIMATE2 = 0.25;

  private final Graphics2D g;
  private final double minX;
  private final double maxY;
  private final double sx;
  private final double sy;
  /** The map extent plus a margin, in CRS units: parts outside it are not drawn. */
  private final Envelope visible;
  private final boolean antialiasOutlines;
  private Path2D.@Nullable Float rings;
  private Path2D.@Nullable Float lines;
  private int feature = -1;

  FeaturePainter(Graphics2D g, MapView map) {
    this.g = g;
    this.minX = map.bbox().getMinX();
    this.maxY = map.bbox().getMaxY();
    this.sx = map.width() / map.bbox().getWidth();
    this.sy = map.height() / map.bbox().getHeight();
    this.visible = new Envelope(map.bbox());
    visible.expandBy(map.resolution() * MapRenderer.MARGIN_PX);
    this.antialiasOutlines = map.antialiasOutlines();
  }

  double px(double x) {
    return (x - minX) * sx;
  }

  double py(double y) {
    return (maxY - y) * sy;
  }

  /** Starts a new feature; paths are built lazily and reused by every symbolizer of that feature. */
  void begin(int index) {
    feature = index;
    rings = null;
    lines = null;
  }

  void paint(ProjectedLayer layer, Symbolizer s) {
    if (s instanceof Symbolizer.Polygon p) {
      Path2D.Float path = rings(layer);
      if (path == null) {
        return;
      }
      // Default (FAST): fills and hairline outlines aliased. Antialiased fills of polygons that share an edge each
      // cover part of the edge pixels, and two partial covers composite to less than opaque: on the densest z12 RTRW
      // tile that left 807 see-through pixels, 40 now (FeaturePainterSpecksTest). Aliased fills give every pixel
      // whose centre is inside to one polygon, and are faster. ANTIALIAS=FULL keeps smooth edges.
      boolean aliased = !antialiasOutlines;
      if (aliased) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      }
      if (p.fill() != null) {
        g.setColor(p.fill());
        g.fill(path);
      }
      if (p.stroke() != null && p.strokeWidth() > 0) {
        // a polygon its outline would cover (a river corridor or a plot a few pixels across at a small scale) is
        // outlined in its fill colour: drawn dark it becomes a blob that hides its class (FeaturePainterBlobsTest)
        boolean mostlyOutline = p.fill() != null && ringPerimeter * p.strokeWidth() >= ringArea;
        g.setColor(mostlyOutline ? opaque(p.fill()) : p.stroke());
        g.setStroke(stroke(p.strokeWidth(), null));
        if (p.strokeWidth() > 1f && aliased) {
          g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
        g.draw(path);
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    } else if (s instanceof Symbolizer.Line l) {
      g.setColor(l.stroke());
      g.setStroke(stroke(l.width(), l.dash()));
      Path2D.Float ls = lines(layer);
      if (ls != null) {
        g.draw(ls);
      }
      Path2D.Float rs = rings(layer);
      if (rs != null) {
        g.draw(rs);
      }
    } else if (s instanceof Symbolizer.Point pt) {
      double[][] parts = layer.parts(feature);
      byte[] kinds = layer.kinds(feature);
      for (int p = 0; p < parts.length; p++) {
        if (kinds[p] == ProjectedLayer.POINT) {
          mark(pt, px(parts[p][0]), py(parts[p][1]));
        }
      }
    }
  }

  private Path2D.@Nullable Float rings(ProjectedLayer layer) {
    if (rings == null) {
      rings = build(layer, ProjectedLayer.RING);
    }
    return rings.getCurrentPoint() == null ? null : rings;
  }

  private Path2D.@Nullable Float lines(ProjectedLayer layer) {
    if (lines == null) {
      lines = build(layer, ProjectedLayer.LINE);
    }
    return lines.getCurrentPoint() == null ? null : lines;
  }

  /** Pixel area and perimeter of the last rings built (decimated), to tell polygons that are mostly outline. */
  private double ringArea;
  private double ringPerimeter;

  private Path2D.Float build(ProjectedLayer layer, byte kind) {
    ringArea = 0;
    ringPerimeter = 0;
    double[][] parts = layer.parts(feature);
    byte[] kinds = layer.kinds(feature);
    int size = 0;
    for (int p = 0; p < parts.length; p++) {
      size += kinds[p] == kind ? parts[p].length / 2 : 0;
    }
    Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD, Math.min(size + 8, 8192));
    for (int p = 0; p < parts.length; p++) {
      if (kinds[p] != kind || !layer.partIntersects(feature, p, visible)) {
        continue;
      }
      double[] xy = parts[p];
      int n = xy.length / 2;
      double lx = px(xy[0]);
      double ly = py(xy[1]);
      path.moveTo(lx, ly);
      int kept = 1;
      double twiceArea = 0;
      for (int i = 1; i < n; i++) {
        double x = px(xy[2 * i]);
        double y = py(xy[2 * i + 1]);
        double dx = x - lx;
        double dy = y - ly;
        if (dx * dx + dy * dy >= DECIMATE2 || i == n - 1) {
          path.lineTo(x, y);
          if (kind == ProjectedLayer.RING) {
            twiceArea += lx * y - x * ly;
            ringPerimeter += Math.sqrt(dx * dx + dy * dy);
          }
          lx = x;
          ly = y;
          kept++;
        }
      }
      // every ring adds (holes too): an upper bound of the area, so a holed polygon keeps its dark outline
      ringArea += Math.abs(twiceArea) / 2;
      if (kind == ProjectedLayer.RING) {
        if (kept < 3) {
          // smaller than a pixel: keep it visible as a dot rather than dropping it
          path.append(new Rectangle2D.Double(lx - 0.5, ly - 0.5, 1, 1), false);
        }
        path.closePath();
      }
    }
    return path;
  }

  private void mark(Symbolizer.Point pt, double x, double y) {
    double s = pt.size();
    Shape shape = switch (pt.mark()) {
      case "circle" -> new Ellipse2D.Double(x - s / 2, y - s / 2, s, s);
      case "triangle" -> polygon(x, y, s, 3, 0);
      case "star" -> star(x, y, s);
      case "cross", "x" -> cross(x, y, s, pt.mark().equals("x"));
      default -> new Rectangle2D.Double(x - s / 2, y - s / 2, s, s);
    };
    if (pt.fill() != null && !pt.mark().equals("cross") && !pt.mark().equals("x")) {
      g.setColor(pt.fill());
      g.fill(shape);
    }
    Color stroke = pt.stroke() != null ? pt.stroke() : pt.mark().equals("cross") || pt.mark().equals("x") ? pt.fill() : null;
    if (stroke != null) {
      g.setColor(stroke);
      g.setStroke(stroke(Math.max(1f, pt.strokeWidth()), null));
      g.draw(shape);
    }
  }

  private static Shape polygon(double x, double y, double s, int n, double phase) {
    GeneralPath p = new GeneralPath();
    for (int i = 0; i < n; i++) {
      double a = phase - Math.PI / 2 + i * 2 * Math.PI / n;
      double px = x + Math.cos(a) * s / 2;
      double py = y + Math.sin(a) * s / 2;
      if (i == 0) {
        p.moveTo(px, py);
      } else {
        p.lineTo(px, py);
      }
    }
    p.closePath();
    return p;
  }

  private static Shape star(double x, double y, double s) {
    GeneralPath p = new GeneralPath();
    for (int i = 0; i < 10; i++) {
      double r = (i % 2 == 0 ? s : s * 0.4) / 2;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      if (i == 0) {
        p.moveTo(x + Math.cos(a) * r, y + Math.sin(a) * r);
      } else {
        p.lineTo(x + Math.cos(a) * r, y + Math.sin(a) * r);
      }
    }
    p.closePath();
    return p;
  }

  private static Shape cross(double x, double y, double s, boolean diagonal) {
    GeneralPath p = new GeneralPath();
    p.moveTo(x - s / 2, y);
    p.lineTo(x + s / 2, y);
    p.moveTo(x, y - s / 2);
    p.lineTo(x, y + s / 2);
    return diagonal ? AffineTransform.getRotateInstance(Math.PI / 4, x, y).createTransformedShape(p) : p;
  }

  /** The colour without its transparency: a hairline in a translucent fill colour would vanish. */
  private static Color opaque(Color c) {
    return c.getAlpha() == 255 ? c : new Color(c.getRed(), c.getGreen(), c.getBlue());
  }

  /** Thin strokes get bevel joins and butt caps: round ones turn every vertex into curves for Marlin to flatten. */
  private static BasicStroke stroke(float width, float @Nullable [] dash) {
    if (dash != null && dash.length > 0) {
      return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL, 4f, dash, 0f);
    }
    if (width <= 1.5f) {
      return width == 1f ? THIN : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);
    }
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  private static final BasicStroke THIN = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);
}
