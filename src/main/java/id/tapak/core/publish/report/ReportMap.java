package id.tapak.core.publish.report;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.LayerRole;
import id.tapak.core.publish.wms.WmsLayers;
import id.tapak.core.publish.wms.WmsParameters;
import id.tapak.core.publish.wms.WmsService;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;

/**
 * The site map of a report, drawn by Tapak's own WMS code in process (a GetMap on {@link WmsService}, so the map
 * is exactly what a WMS client sees): the catalog layers in a fixed role order, then the stored site and its
 * conflicts ({@code check_sites}, {@code check_conflicts} with {@code CHECK_ID}), in EPSG:3857 so the map is
 * conformal, with a scale bar (metres measured on the WGS84 ellipsoid along the map's middle parallel) and a north
 * arrow drawn on top.
 */
public final class ReportMap {

  /** Bottom-to-top drawing order of the catalog layers. */
  private static final List<LayerRole> ORDER = List.of(LayerRole.SPATIAL_PLAN, LayerRole.DETAIL_PLAN,
      LayerRole.FARMLAND, LayerRole.PROTECTED, LayerRole.SETTLEMENT, LayerRole.WATER, LayerRole.ESTATE,
      LayerRole.PLANNED_ESTATE, LayerRole.ADMIN, LayerRole.ROAD, LayerRole.RAIL, LayerRole.GAS, LayerRole.PORT);
  /** WGS84 semi-major axis (m), the sphere of EPSG:3857. */
  private static final double R = 6_378_137.0;
  /** The map shows at least this many metres across, so a small site still shows its surroundings. */
  private static final double MIN_SPAN_M = 2_500;

  private final WmsService wms;
  private final Catalog catalog;

  public ReportMap(WmsService wms, Catalog catalog) {
    this.wms = wms;
    this.catalog = catalog;
  }

  /** The map of one stored check, {@code width} × {@code height} pixels. */
  public BufferedImage render(CheckReport r, int width, int height, ReportLabels.Lang lang) {
    Envelope ll = r.site().getEnvelopeInternal();
    // EPSG:3857 metres (x east, y north): pad the site by 35 %, at least MIN_SPAN_M, then match the image aspect
    double x0 = mercX(ll.getMinX());
    double x1 = mercX(ll.getMaxX());
    double y0 = mercY(ll.getMinY());
    double y1 = mercY(ll.getMaxY());
    double cx = (x0 + x1) / 2;
    double cy = (y0 + y1) / 2;
    double scale = 1 / Math.cos(Math.toRadians(ll.centre().y)); // mercator metres per ground metre
    double w = Math.max((x1 - x0) * 1.7, MIN_SPAN_M * scale);
    double h = Math.max((y1 - y0) * 1.7, MIN_SPAN_M * scale);
    double aspect = (double) width / height;
    if (w / h < aspect) {
      w = h * aspect;
    } else {
      h = w / aspect;
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("SERVICE", "WMS");
    p.put("VERSION", "1.3.0");
    p.put("REQUEST", "GetMap");
    p.put("LAYERS", String.join(",", layers()));
    p.put("STYLES", "");
    p.put("CRS", "EPSG:3857");
    p.put("BBOX", (cx - w / 2) + "," + (cy - h / 2) + "," + (cx + w / 2) + "," + (cy + h / 2));
    p.put("WIDTH", Integer.toString(width));
    p.put("HEIGHT", Integer.toString(height));
    p.put("FORMAT", "image/png");
    p.put("TRANSPARENT", "FALSE");
    p.put("BGCOLOR", "0xF4F1EA");
    p.put("CHECK_ID", r.id());
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(wms.getMap(WmsParameters.of(p)).body()));
    } catch (IOException e) {
      throw new IllegalStateException("the WMS answered an unreadable PNG", e);
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(img, 0, 0, null);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      outline(g, r.site(), cx - w / 2, cy + h / 2, w / width);
      double latMid = lat(cy);
      double groundWidth = GeodesicMeasure.metres(lon(cx - w / 2), latMid, lon(cx + w / 2), latMid);
      scaleBar(g, groundWidth / width, width, height, lang);
      northArrow(g, width, lang);
      g.setColor(new Color(60, 60, 60));
      g.setStroke(new BasicStroke(1));
      g.drawRect(0, 0, width - 1, height - 1);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The site's outline, drawn again on top: a white halo under a dark line, so it reads on any plan colour. */
  private static void outline(Graphics2D g, org.locationtech.jts.geom.Geometry site, double left, double top,
      double res) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < site.getNumGeometries(); i++) {
      org.locationtech.jts.geom.Polygon poly = (org.locationtech.jts.geom.Polygon) site.getGeometryN(i);
      for (int k = -1; k < poly.getNumInteriorRing(); k++) {
        org.locationtech.jts.geom.Coordinate[] cs = (k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k))
            .getCoordinates();
        for (int j = 0; j < cs.length; j++) {
          double px = (mercX(cs[j].x) - left) / res;
          double py = (top - mercY(cs[j].y)) / res;
          if (j == 0) {
            path.moveTo(px, py);
          } else {
            path.lineTo(px, py);
          }
        }
        path.closePath();
      }
    }
    g.setColor(new Color(255, 255, 255, 230));
    g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
    g.setColor(new Color(17, 24, 39));
    g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  /** The WMS layer names to draw: catalog layers in {@link #ORDER}, then the check's site and conflicts. */
  List<String> layers() {
    List<String> names = new ArrayList<>();
    for (LayerRole role : ORDER) {
      for (Layer l : catalog.layers(role)) {
        names.add(l.id());
      }
    }
    names.add(WmsLayers.CHECK_SITES);
    names.add(WmsLayers.CHECK_CONFLICTS);
    return names;
  }

  /** A two-segment bar of a round length (1, 2 or 5 × 10^n m) about a quarter of the map wide, bottom left. */
  private static void scaleBar(Graphics2D g, double metresPerPixel, int width, int height, ReportLabels.Lang lang) {
    double target = metresPerPixel * width / 4;
    double pow = Math.pow(10, Math.floor(Math.log10(target)));
    double len = pow;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * pow <= target) {
        len = m * pow;
      }
    }
    int px = (int) Math.round(len / metresPerPixel);
    int x = 16;
    int y = height - 22;
    g.setColor(new Color(255, 255, 255, 215));
    g.fillRoundRect(x - 8, y - 24, px + 70, 38, 6, 6);
    g.setColor(Color.BLACK);
    g.fillRect(x, y, px / 2, 7);
    g.setColor(Color.WHITE);
    g.fillRect(x + px / 2, y, px - px / 2, 7);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.2f));
    g.drawRect(x, y, px, 7);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString("0", x - 3, y - 5);
    String label = len >= 1000 ? ReportLabels.number(len / 1000, len % 1000 == 0 ? 0 : 1, lang) + " km"
        : ReportLabels.number(len, 0, lang) + " m";
    g.drawString(label, x + px - 6, y - 5);
  }

  /** North is up in EPSG:3857: an arrow with "U" (utara) or "N", top right. */
  private static void northArrow(Graphics2D g, int width, ReportLabels.Lang lang) {
    String letter = lang == ReportLabels.Lang.EN ? "N" : "U";
    int cx = width - 34;
    int top = 14;
    g.setColor(new Color(255, 255, 255, 215));
    g.fillOval(cx - 20, top - 2, 40, 58);
    Path2D.Double left = new Path2D.Double();
    left.moveTo(cx, top + 4);
    left.lineTo(cx - 10, top + 36);
    left.lineTo(cx, top + 29);
    left.closePath();
    Path2D.Double right = new Path2D.Double();
    right.moveTo(cx, top + 4);
    right.lineTo(cx + 10, top + 36);
    right.lineTo(cx, top + 29);
    right.closePath();
    g.setColor(Color.BLACK);
    g.fill(left);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(right);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    FontMetrics fm = g.getFontMetrics();
    g.drawString(letter, cx - fm.stringWidth(letter) / 2, top + 51);
  }

  private static double mercX(double lon) {
    return R * Math.toRadians(lon);
  }

  private static double mercY(double lat) {
    return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
  }

  private static double lon(double x) {
    return Math.toDegrees(x / R);
  }

  private static double lat(double y) {
    return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
  }
}
