package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every feature of a (small, test-sized) layer, collected from its full scan, in layer order. */
public final class LayerFeatures {

  private LayerFeatures() {}

  public static List<Feature> all(Layer layer) {
    List<Feature> out = new ArrayList<>();
    layer.scan(out::add);
    return out;
  }
}
