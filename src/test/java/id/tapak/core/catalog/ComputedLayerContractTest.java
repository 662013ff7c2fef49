package id.tapak.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.model.Feature;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The layer contract on a layer computed from another (as a corridor's grid is from the catalog), and its own
 * promise: computed at the first query, once per version of its source, again when the source version moves.
 */
class ComputedLayerContractTest extends LayerContract {

  @Override
  protected Layer layer(List<Feature> features) {
    return new ComputedLayer(SPEC, () -> 7, () -> features);
  }

  @Test
  void computedLazilyOncePerSourceVersion() {
    AtomicLong source = new AtomicLong(1);
    AtomicInteger runs = new AtomicInteger();
    ComputedLayer layer = new ComputedLayer(SPEC, source::get, () -> {
      runs.incrementAndGet();
      return source.get() == 1 ? FIXTURE : FIXTURE.subList(0, 2);
    });
    assertThat(runs).as("nothing computed before the first query").hasValue(0);
    assertThat(layer.count()).isEqualTo(4);
    assertThat(layer.feature("3")).isPresent();
    layer.scan(f -> true);
    assertThat(runs).as("one computation for every query of one version").hasValue(1);
    assertThat(layer.version()).isEqualTo(1);
    source.set(2); // the source's data changed (a live layer was edited)
    assertThat(layer.version()).isEqualTo(2);
    assertThat(layer.count()).isEqualTo(2);
    assertThat(layer.feature("3")).isEmpty();
    assertThat(runs).hasValue(2);
  }
}
