package id.tapak.core.publish.wms;

import java.util.Locale;

/** How a failed GetMap is answered (WMS 1.3.0 §7.3.3.11): an XML report, the message drawn in an image, or a blank image. */
public enum ExceptionFormat {
  XML, INIMAGE, BLANK;

  /** Reads {@code EXCEPTIONS}; anything unknown falls back to XML so the client still learns what went wrong. */
  public static ExceptionFormat of(WmsParameters p) {
    String v = p.get("EXCEPTIONS", "XML").trim().toUpperCase(Locale.ROOT);
    if (v.equals("INIMAGE") || v.endsWith("SE_INIMAGE")) {
      return INIMAGE;
    }
    if (v.equals("BLANK") || v.endsWith("SE_BLANK")) {
      return BLANK;
    }
    return XML;
  }
}
