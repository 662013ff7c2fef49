package id.tapak.core.publish.render;

import org.locationtech.jts.geom.Envelope;

/**
 * Converts envelopes between EPSG:4326 lon/lat and a map CRS by projecting a 9×9 grid over the box: edges of UTM and
 * mercator boxes are curved in the other CRS, so corners alone would cut off part of the extent.
 */
public final class BboxProjector {

  private static final int STEPS = 8;

  private BboxProjector() {}

  /** The map-CRS envelope of a lon/lat envelope. */
  public static Envelope project(Envelope lonLat, MapCrs crs) {
    MapCrs.Projection p = crs.projection();
    double[] xy = new double[2 * (STEPS + 1) * (STEPS + 1)];
    int k = 0;
    for (int i = 0; i <= STEPS; i++) {
      for (int j = 0; j <= STEPS; j++) {
        xy[k++] = lonLat.getMinX() + lonLat.getWidth() * i / STEPS;
        xy[k++] = lonLat.getMinY() + lonLat.getHeight() * j / STEPS;
      }
    }
    p.forward(xy, xy.length / 2);
    Envelope out = new Envelope();
    for (int i = 0; i < xy.length; i += 2) {
      if (Double.isFinite(xy[i]) && Double.isFinite(xy[i + 1])) {
        out.expandToInclude(xy[i], xy[i + 1]);
      }
    }
    return out;
  }

  /** The lon/lat envelope of a map-CRS envelope. */
  public static Envelope toLonLat(Envelope mapBox, MapCrs crs) {
    if (crs.isGeographic()) {
      return new Envelope(mapBox);
    }
    MapCrs.Projection p = crs.projection();
    Envelope out = new Envelope();
    for (int i = 0; i <= STEPS; i++) {
      for (int j = 0; j <= STEPS; j++) {
        double[] ll = p.inverse(mapBox.getMinX() + mapBox.getWidth() * i / STEPS,
            mapBox.getMinY() + mapBox.getHeight() * j / STEPS);
        if (Double.isFinite(ll[0]) && Double.isFinite(ll[1])) {
          out.expandToInclude(ll[0], ll[1]);
        }
      }
    }
    return out;
  }
}
