package id.tapak.core.publish.render;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * What a map image shows and how it is drawn, independent of the protocol that asked for it (a WMS GetMap, the
 * report's site map, later a tile service).
 *
 * @param crs the map CRS
 * @param bbox the extent in the CRS's <b>east, north</b> order (x = longitude for EPSG:4326), CRS units
 * @param width image width, pixels
 * @param height image height, pixels
 * @param transparent whether the background is transparent (the image then has an alpha channel)
 * @param bgColor background colour as 0xRRGGBB, used when not transparent
 * @param antialiasOutlines antialias fills and hairline polygon outlines too (slower; by default they are drawn
 *     aliased, see {@link FeaturePainter})
 */
public record MapView(MapCrs crs, Envelope bbox, int width, int height, boolean transparent, int bgColor,
    boolean antialiasOutlines) {

  public MapView {
    Objects.requireNonNull(crs, "crs");
    Objects.requireNonNull(bbox, "bbox");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("map width and height must be positive, got " + width + "x" + height);
    }
    if (bbox.isNull() || bbox.getWidth() <= 0 || bbox.getHeight() <= 0) {
      throw new IllegalArgumentException("map extent must have minx < maxx and miny < maxy, got " + bbox);
    }
    bbox = new Envelope(bbox);
  }

  /** Map units per pixel along x. */
  public double resolution() {
    return bbox.getWidth() / width;
  }

  /** The OGC scale denominator (0.28 mm pixels), geographic degrees taken at the equator. */
  public double scaleDenominator() {
    return resolution() * crs.metresPerUnit() / 0.00028;
  }
}
