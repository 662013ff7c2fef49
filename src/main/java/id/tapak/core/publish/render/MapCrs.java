package id.tapak.core.publish.render;

import id.tapak.core.geo.CrsRegistry;
import id.tapak.core.geo.GeometryTransform;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A CRS a map is drawn in, with the axis order WMS 1.3.0 gives its BBOX, and the projection from the layers'
 * EPSG:4326 lon/lat to its x/y. {@code EPSG:4326} has <b>latitude, longitude</b> BBOX order in WMS 1.3.0 while
 * {@code CRS:84} is longitude, latitude; projected CRSs are easting, northing. Internally every x/y is
 * (east, north); only the publisher's request parsing (WMS {@code GetMapRequest}) swaps the BBOX.
 *
 * @param name the name as advertised (EPSG:4326, CRS:84, EPSG:3857, EPSG:32749…)
 * @param epsg the EPSG code (CRS:84 → 4326)
 * @param latLonAxes true when BBOX and BoundingBox list latitude first (EPSG:4326, EPSG:4755)
 */
public record MapCrs(String name, int epsg, boolean latLonAxes) {

  /** Radius of the web-mercator sphere (EPSG:3857), metres. */
  static final double R = 6378137.0;
  /** Latitude where web mercator is cut, degrees. */
  static final double MAX_LAT = 85.0511287798066;
  /** Metres per degree on the equator of the WGS84 ellipsoid, for scale denominators of geographic maps. */
  static final double METRES_PER_DEGREE = 2 * Math.PI * R / 360.0;

  public static final MapCrs WGS84 = new MapCrs("EPSG:4326", 4326, true);
  public static final MapCrs CRS84 = new MapCrs("CRS:84", 4326, false);
  public static final MapCrs WEB_MERCATOR = new MapCrs("EPSG:3857", 3857, false);

  /** Parses a CRS name ({@code CRS:84}, {@code EPSG:n}); null when unknown or unsupported (the caller reports it). */
  public static @Nullable MapCrs parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("CRS:84")) {
      return CRS84;
    }
    if (!t.startsWith("EPSG:")) {
      return null;
    }
    try {
      return of(CrsRegistry.parse(t));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The map CRS for a supported EPSG code (4326 with lat/lon axes). */
  public static MapCrs of(int epsg) {
    if (epsg == 4326) {
      return WGS84;
    }
    if (epsg == 3857) {
      return WEB_MERCATOR;
    }
    return new MapCrs("EPSG:" + epsg, epsg, epsg == 4755);
  }

  public boolean isGeographic() {
    return epsg == 4326 || epsg == 4755;
  }

  /** Metres per CRS unit, for scale denominators (degrees are taken at the equator, as SLD does). */
  public double metresPerUnit() {
    return isGeographic() ? METRES_PER_DEGREE : 1.0;
  }

  /**
   * Projects interleaved lon/lat pairs in place to this CRS's x/y. Not thread-safe for proj4j CRSs: call from one
   * thread, or use {@link #projection()} per thread.
   */
  public Projection projection() {
    if (isGeographic()) {
      return Projection.IDENTITY;
    }
    if (epsg == 3857) {
      return Projection.MERCATOR;
    }
    return new Projection.Proj4(CrsRegistry.transform(4326, epsg), CrsRegistry.transform(epsg, 4326));
  }

  /** Projection between EPSG:4326 lon/lat and a map CRS; implementations may keep scratch state. */
  public interface Projection {

    /** Projects {@code n} interleaved lon/lat pairs of {@code xy} in place. */
    void forward(double[] xy, int n);

    /** The lon/lat of one x/y position. */
    double[] inverse(double x, double y);

    Projection IDENTITY = new Projection() {
      @Override
      public void forward(double[] xy, int n) {}

      @Override
      public double[] inverse(double x, double y) {
        return new double[] {x, y};
      }
    };

    /** Spherical web mercator written out: no proj4j on the hot path of tiled clients. */
    Projection MERCATOR = new Projection() {
      @Override
      public void forward(double[] xy, int n) {
        for (int i = 0; i < 2 * n; i += 2) {
          double lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, xy[i + 1]));
          xy[i] = Math.toRadians(xy[i]) * R;
          xy[i + 1] = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * R;
        }
      }

      @Override
      public double[] inverse(double x, double y) {
        return new double[] {Math.toDegrees(x / R), Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2)};
      }
    };

    /** proj4j (UTM, TM-3); one instance per thread. */
    final class Proj4 implements Projection {
      private final GeometryTransform to;
      private final GeometryTransform from;

      Proj4(GeometryTransform to, GeometryTransform from) {
        this.to = to;
        this.from = from;
      }

      @Override
      public void forward(double[] xy, int n) {
        for (int i = 0; i < 2 * n; i += 2) {
          double[] p = to.apply(xy[i], xy[i + 1]);
          xy[i] = p[0];
          xy[i + 1] = p[1];
        }
      }

      @Override
      public double[] inverse(double x, double y) {
        return from.apply(x, y);
      }
    }
  }
}
