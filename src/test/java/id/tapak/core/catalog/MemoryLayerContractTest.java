package id.tapak.core.catalog;

import id.tapak.core.model.Feature;
import java.util.List;

/** The layer contract on the in-memory STRtree implementation. */
class MemoryLayerContractTest extends LayerContract {

  @Override
  protected Layer layer(List<Feature> features) {
    return MemoryLayer.of(SPEC, features);
  }
}
