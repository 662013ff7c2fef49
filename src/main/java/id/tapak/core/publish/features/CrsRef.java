package id.tapak.core.publish.features;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryTransform;
import id.tapak.core.model.TapakException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A CRS named by reference, as OGC API – Features Part 2 names them:
 * {@code http://www.opengis.net/def/crs/OGC/1.3/CRS84} or {@code http://www.opengis.net/def/crs/EPSG/0/{code}} (also {@code EPSG:code} and the safe CURIE
 * {@code [EPSG:code]}). Any CRS {@link CrsRegistry} supports: WGS 84, DGN95, web mercator, UTM 46N–54S, TM-3.
 *
 * <p>Axis order is the one the CRS defines: CRS84 is longitude, latitude; EPSG:4326 and EPSG:4755 are <b>latitude,
 * longitude</b> (Part 2 /req/crs/crs-axis-order); projected CRSs are easting, northing. Inside Tapak every geometry is
 * lon/lat, so {@link #fromLonLat} and {@link #toLonLat} convert at the edge.
 *
 * @param epsg the EPSG code (4326 for CRS84 too)
 * @param crs84 true for CRS84 (lon/lat order); false for an EPSG CRS in its own axis order
 */
public record CrsRef(int epsg, boolean crs84) {

  public static final CrsRef CRS84 = new CrsRef(CrsRegistry.WGS84, true);
  private static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";

  public CrsRef {
    if (!CrsRegistry.isSupported(epsg) || (crs84 && epsg != CrsRegistry.WGS84)) {
      throw new IllegalArgumentException("unsupported CRS EPSG:" + epsg);
    }
  }

  /** Degrees (about 1 cm, the precision of written coordinates) a projected box is widened by in lon/lat. */
  static final double ROUND_TRIP_DEG = 1e-7;
  /** Degrees a layer's extent is widened by before zones are matched to it. */
  private static final double ZONE_MARGIN_DEG = 1.0;

  /**
   * The CRSs a collection with this lon/lat extent offers, CRS84 first (the default): CRS84, EPSG:4326, DGN95
   * EPSG:4755 and EPSG:3857 always, and the UTM and TM-3 zones whose longitude band (and, for UTM, hemisphere) the
   * extent reaches, widened by 1°. Projecting East Java into UTM 46N is possible but meaningless, and listing all 31
   * CRSs for every collection made the OGC suite's per-CRS tests run for minutes.
   */
  public static List<CrsRef> forExtent(Envelope lonLat) {
    List<CrsRef> out = new ArrayList<>();
    out.add(CRS84);
    Envelope e = new Envelope(lonLat.isNull() ? new Envelope(94, 142, -11.5, 6.5) : lonLat);
    e.expandBy(ZONE_MARGIN_DEG);
    for (int code : CrsRegistry.supported()) {
      double west;
      double width;
      if (code >= 32646 && code <= 32654) {
        west = (code - 32601) * 6 - 180;
        width = 6;
        if (e.getMaxY() < 0) {
          continue;
        }
      } else if (code >= 32746 && code <= 32754) {
        west = (code - 32701) * 6 - 180;
        width = 6;
        if (e.getMinY() > 0) {
          continue;
        }
      } else if (code >= 23830 && code <= 23845) {
        west = 93 + (code - 23830) * 3; // zone 46.2 is 93°–96°E, then 3° per zone eastwards
        width = 3;
      } else {
        out.add(new CrsRef(code, false));
        continue;
      }
      if (e.getMaxX() >= west && e.getMinX() <= west + width) {
        out.add(new CrsRef(code, false));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Parses a {@code crs}, {@code bbox-crs} or {@code filter-crs} value.
   *
   * @throws TapakException BAD_REQUEST naming {@code parameter} when malformed or unsupported
   */
  public static CrsRef parse(String raw, String parameter) {
    String t = raw.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    String u = t.toUpperCase(Locale.ROOT);
    if (u.equals("HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84") || u.equals("OGC:CRS84") || u.equals("CRS84")
        || u.equals("CRS:84")) {
      return CRS84;
    }
    boolean epsgForm = u.startsWith("EPSG:") || u.startsWith("HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/")
        || u.startsWith("URN:OGC:DEF:CRS:EPSG:");
    if (!epsgForm) {
      throw TapakException.badRequest(parameter, parameter + " must be a CRS URI such as " + MediaTypes.CRS84
          + " or " + EPSG_URI + "32749; see the collection's crs list");
    }
    try {
      return new CrsRef(CrsRegistry.parse(t), false);
    } catch (IllegalArgumentException e) {
      throw TapakException.badRequest(parameter, parameter + ": " + e.getMessage());
    }
  }

  /** The URI for links and the {@code Content-Crs} header. */
  public String uri() {
    return crs84 ? MediaTypes.CRS84 : EPSG_URI + epsg;
  }

  /** True when the first axis is latitude (EPSG geographic CRSs). */
  public boolean latFirst() {
    return !crs84 && (epsg == CrsRegistry.WGS84 || epsg == 4755);
  }

  /** True for degrees, false for metres. */
  public boolean geographic() {
    return epsg == CrsRegistry.WGS84 || epsg == 4755;
  }

  /** Decimals to write: 7 for degrees (about 1 cm), 3 for metres (1 mm). */
  public int decimals() {
    return geographic() ? 7 : 3;
  }

  /** A transform from Tapak's lon/lat to this CRS in its axis order; a new one per call (not thread-safe). */
  public Geometry fromLonLat(Geometry lonLat) {
    Geometry g = geographic() ? lonLat : CrsRegistry.transform(CrsRegistry.WGS84, epsg).apply(lonLat);
    return latFirst() ? swap(g) : g;
  }

  /** A geometry given in this CRS (its axis order) in Tapak's lon/lat. */
  public Geometry toLonLat(Geometry inCrs) {
    Geometry g = latFirst() ? swap(inCrs) : inCrs;
    return geographic() ? g : CrsRegistry.transform(epsg, CrsRegistry.WGS84).apply(g);
  }

  /**
   * The lon/lat envelope of a box given in this CRS's axis order ({@code a1,b1} lower corner, {@code a2,b2} upper).
   * Projected boxes are densified along their edges (16 steps) so the curved lon/lat outline is covered, and widened
   * by {@link #ROUND_TRIP_DEG}: a box a client projected from a lon/lat extent must not lose the features on that
   * extent's edge to the transform's rounding.
   */
  public Envelope boxToLonLat(double a1, double b1, double a2, double b2) {
    if (geographic()) {
      return latFirst() ? new Envelope(b1, b2, a1, a2) : new Envelope(a1, a2, b1, b2);
    }
    GeometryTransform t = CrsRegistry.transform(epsg, CrsRegistry.WGS84);
    Envelope out = new Envelope();
    int n = 16;
    for (int i = 0; i <= n; i++) {
      double x = a1 + (a2 - a1) * i / n;
      double y = b1 + (b2 - b1) * i / n;
      for (double[] p : new double[][] {{x, b1}, {x, b2}, {a1, y}, {a2, y}}) {
        double[] q = t.apply(p[0], p[1]);
        out.expandToInclude(q[0], q[1]);
      }
    }
    out.expandBy(ROUND_TRIP_DEG);
    return out;
  }

  /** A copy with x and y exchanged. */
  static Geometry swap(Geometry g) {
    Geometry c = g.copy();
    c.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        double x = seq.getX(i);
        seq.setOrdinate(i, Coordinate.X, seq.getY(i));
        seq.setOrdinate(i, Coordinate.Y, x);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    c.geometryChanged();
    return c;
  }
}
