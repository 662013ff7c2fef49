package id.tapak.core.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;

/**
 * The closed set of coordinate reference systems Indonesian planning data arrives in, and transforms between them.
 *
 * <p>Supported: EPSG:4326 (and its WMS alias CRS:84), WGS84 / UTM zones 46N–54N (EPSG:32646–32654) and 46S–54S
 * (EPSG:32746–32754), DGN95 geographic (EPSG:4755, a 1 m null transformation from WGS84 per EPSG), DGN95 /
 * Indonesia TM-3 zones 46.2–54.1 (EPSG:23830–23845) and web mercator (EPSG:3857). Anything else is refused with
 * a message listing these, so a layer in an unexpected CRS stops start-up instead of landing in the sea.
 *
 * <p>Thread-safe: CRS definitions are cached; each call to {@link #transform} returns a new, single-thread object.
 */
public final class CrsRegistry {

  /** EPSG code of WGS84 geographic, the internal CRS of every layer (lon/lat axis order internally). */
  public static final int WGS84 = 4326;
  /** EPSG code of web mercator. */
  public static final int WEB_MERCATOR = 3857;

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
  private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();
  private static final List<Integer> SUPPORTED;

  static {
    List<Integer> codes = new ArrayList<>();
    codes.add(WGS84);
    codes.add(4755);
    codes.add(WEB_MERCATOR);
    for (int z = 46; z <= 54; z++) {
      codes.add(32600 + z);
    }
    for (int z = 46; z <= 54; z++) {
      codes.add(32700 + z);
    }
    for (int c = 23830; c <= 23845; c++) {
      codes.add(c);
    }
    SUPPORTED = Collections.unmodifiableList(codes);
  }

  private CrsRegistry() {}

  /** The supported EPSG codes, WGS84 first. */
  public static List<Integer> supported() {
    return SUPPORTED;
  }

  public static boolean isSupported(int epsg) {
    return SUPPORTED.contains(epsg);
  }

  /**
   * Parses "EPSG:32749", "epsg:4326", "CRS:84", "OGC:CRS84", an OGC URI
   * (http://www.opengis.net/def/crs/EPSG/0/4326) or a bare number into a supported EPSG code (CRS:84 → 4326).
   *
   * @throws IllegalArgumentException naming the value when it is malformed or unsupported
   */
  public static int parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("CRS:84") || t.endsWith("CRS84")) {
      return WGS84;
    }
    String digits;
    if (t.startsWith("EPSG:")) {
      digits = t.substring(5);
    } else if (t.contains("/EPSG/")) {
      digits = t.substring(t.lastIndexOf('/') + 1);
    } else if (t.startsWith("URN:OGC:DEF:CRS:EPSG:")) {
      digits = t.substring(t.lastIndexOf(':') + 1);
    } else {
      digits = t;
    }
    int code;
    try {
      code = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unrecognised CRS '" + text + "', expected e.g. EPSG:4326 or EPSG:32749");
    }
    if (!isSupported(code)) {
      throw new IllegalArgumentException("unsupported CRS 'EPSG:" + code + "'; supported: EPSG:4326, CRS:84, "
          + "EPSG:4755 (DGN95), EPSG:3857, EPSG:32646-32654 and EPSG:32746-32754 (UTM), EPSG:23830-23845 (TM-3)");
    }
    return code;
  }

  static CoordinateReferenceSystem crs(int epsg) {
    if (!isSupported(epsg)) {
      throw new IllegalArgumentException("unsupported CRS EPSG:" + epsg);
    }
    return CACHE.computeIfAbsent(epsg, c -> FACTORY.createFromName("EPSG:" + c));
  }

  /**
   * A transform from one supported CRS to another, both in x/y (easting/northing, lon/lat) order. Not thread-safe:
   * use one per thread or per layer load.
   */
  public static GeometryTransform transform(int fromEpsg, int toEpsg) {
    if (fromEpsg == toEpsg || (isGeographicWgs84(fromEpsg) && isGeographicWgs84(toEpsg))) {
      return GeometryTransform.IDENTITY;
    }
    return new GeometryTransform(TRANSFORMS.createTransform(crs(fromEpsg), crs(toEpsg)));
  }

  /** EPSG:4326 and DGN95 EPSG:4755 differ by a null transformation (EPSG: accuracy 1 m). */
  private static boolean isGeographicWgs84(int epsg) {
    return epsg == WGS84 || epsg == 4755;
  }

  /**
   * Where a supported CRS can be, in lon/lat degrees (with a margin: 3 degrees of longitude around a UTM zone, 10
   * degrees of latitude across the equator, since Indonesian data use the south zones slightly north of it too).
   */
  public static org.locationtech.jts.geom.Envelope areaOfUse(int epsg) {
    if (epsg >= 32601 && epsg <= 32660 || epsg >= 32701 && epsg <= 32760) {
      int zone = epsg % 100;
      double west = -180 + 6 * (zone - 1);
      boolean south = epsg >= 32701;
      return new org.locationtech.jts.geom.Envelope(west - 3, west + 9, south ? -80 : -10, south ? 10 : 84);
    }
    if (epsg >= 23830 && epsg <= 23845) {
      // DGN95 / Indonesia TM-3 zones: Indonesia with a margin
      return new org.locationtech.jts.geom.Envelope(90, 146, -15, 10);
    }
    if (epsg == WEB_MERCATOR) {
      return new org.locationtech.jts.geom.Envelope(-180, 180, -85.06, 85.06);
    }
    return new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90);
  }

  /** The UTM zone (EPSG:327xx south / 326xx north) whose central meridian is nearest to a WGS84 position. */
  public static int utmZoneFor(double lon, double lat) {
    int zone = (int) Math.floor((lon + 180) / 6) + 1;
    zone = Math.max(46, Math.min(54, zone));
    return (lat < 0 ? 32700 : 32600) + zone;
  }
}
