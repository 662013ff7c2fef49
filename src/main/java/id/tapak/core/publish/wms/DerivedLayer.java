package id.tapak.core.publish.wms;

import id.tapak.core.model.Feature;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.style.Style;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * A WMS layer computed from the catalog rather than loaded (a corridor's suitability grid, its candidate sites):
 * immutable for the life of the catalog, so it is projected once per CRS like a catalog layer. Its features are
 * asked for at the first map that draws it; the supplier caches them.
 *
 * @param name WMS layer name
 * @param title Indonesian and English title
 * @param description the layer's abstract in capabilities
 * @param group title of the capabilities group it is listed under
 * @param style its (only) style
 * @param bbox EPSG:4326 lon/lat extent, known without computing the features
 * @param features its features, EPSG:4326 lon/lat
 */
public record DerivedLayer(String name, LocalizedText title, String description, LocalizedText group, Style style,
    Envelope bbox, Supplier<List<Feature>> features) {

  public DerivedLayer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(bbox, "bbox");
    Objects.requireNonNull(features, "features");
  }
}
