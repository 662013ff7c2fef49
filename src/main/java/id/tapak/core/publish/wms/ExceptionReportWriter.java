package id.tapak.core.publish.wms;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes WMS 1.3.0 exceptions: the XML {@code ServiceExceptionReport} (namespace {@code http://www.opengis.net/ogc},
 * schema {@code exceptions_1_3_0.xsd}), or, for GetMap with EXCEPTIONS=INIMAGE / BLANK, an image with the message
 * drawn on it / an empty one. Thread-safe.
 */
public final class ExceptionReportWriter {

  /** Media type of the XML report (WMS 1.3.0 §6.11). */
  public static final String MEDIA_TYPE = "text/xml";

  private ExceptionReportWriter() {}

  /** The XML report for a code (may be null for NoApplicableCode), locator and message. */
  public static byte[] xml(@Nullable String code, @Nullable String locator, String message) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\" ")
        .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=")
        .append("\"http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd\">\n")
        .append("  <ServiceException");
    if (code != null) {
      sb.append(" code=\"").append(esc(code)).append('"');
    }
    if (locator != null) {
      sb.append(" locator=\"").append(esc(locator)).append('"');
    }
    sb.append('>').append(esc(message)).append("</ServiceException>\n</ServiceExceptionReport>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The failure as an image of the requested size: the code and message drawn in dark red (INIMAGE), or nothing
   * (BLANK), over the requested background.
   */
  public static BufferedImage image(int width, int height, boolean transparent, int bgColor, boolean withText,
      String code, String message) {
    BufferedImage img = new BufferedImage(width, height,
        transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    if (!transparent) {
      g.setColor(new Color(bgColor));
      g.fillRect(0, 0, width, height);
    }
    if (withText) {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.setColor(new Color(160, 0, 0));
      FontMetrics fm = g.getFontMetrics();
      int y = fm.getAscent() + 2;
      for (String line : wrap(code + ": " + message, fm, Math.max(40, width - 8))) {
        g.drawString(line, 4, y);
        y += fm.getHeight();
      }
    }
    g.dispose();
    return img;
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      if (cur.length() > 0 && fm.stringWidth(cur + " " + word) > width) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) {
        cur.append(' ');
      }
      cur.append(word);
    }
    if (cur.length() > 0) {
      lines.add(cur.toString());
    }
    return lines;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
