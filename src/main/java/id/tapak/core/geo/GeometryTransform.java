package id.tapak.core.geo;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojects JTS geometries between two CRSs with proj4j, x/y order on both sides (lon/lat for geographic CRSs).
 * Not thread-safe (proj4j transforms keep scratch state); obtain one per thread from {@link CrsRegistry#transform}.
 */
public final class GeometryTransform {

  /** Returns geometries unchanged (same CRS on both sides). */
  public static final GeometryTransform IDENTITY = new GeometryTransform(null);

  private final @Nullable CoordinateTransform transform;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  GeometryTransform(@Nullable CoordinateTransform transform) {
    this.transform = transform;
  }

  public boolean isIdentity() {
    return transform == null;
  }

  /** A reprojected copy of the geometry (the input is not modified). */
  public Geometry apply(Geometry g) {
    if (transform == null) {
      return g;
    }
    Geometry copy = g.copy();
    copy.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        in.x = seq.getX(i);
        in.y = seq.getY(i);
        transform.transform(in, out);
        seq.setOrdinate(i, 0, out.x);
        seq.setOrdinate(i, 1, out.y);
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
    copy.geometryChanged();
    return copy;
  }

  /** Transforms one position; returns {x, y}. */
  public double[] apply(double x, double y) {
    if (transform == null) {
      return new double[] {x, y};
    }
    in.x = x;
    in.y = y;
    transform.transform(in, out);
    return new double[] {out.x, out.y};
  }
}
