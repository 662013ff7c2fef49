package id.tapak.core.publish.wms;

import id.tapak.core.catalog.Layer;
import id.tapak.core.model.LocalizedText;
import id.tapak.core.publish.style.Style;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * How the WMS publishes a layer computed from the catalog rather than loaded (a corridor's suitability grid, its
 * candidate sites, each a {@code core.catalog.ComputedLayer}): the layer answers every query like any other; this
 * adds what only capabilities need.
 *
 * @param layer the layer (its id is the WMS name, its spec the title and abstract)
 * @param group title of the capabilities group it is listed under
 * @param style its (only) style
 * @param bbox EPSG:4326 lon/lat extent for capabilities, known without computing the features
 */
public record DerivedLayer(Layer layer, LocalizedText group, Style style, Envelope bbox) {

  public DerivedLayer {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(bbox, "bbox");
  }

  /** The WMS layer name. */
  public String name() {
    return layer.id();
  }

  public LocalizedText title() {
    return layer.spec().title();
  }

  /** The layer's abstract in capabilities. */
  public String description() {
    return Objects.requireNonNullElse(layer.spec().description(), title().both());
  }
}
