package id.tapak.core.store;

import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerContract;
import id.tapak.core.model.Feature;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * The layer contract on the PostGIS store's {@code check_sites} (a database of its own on the test cluster,
 * {@code TAPAK_PG_URL}; unreachable fails), holding the fixture as {@link SqliteCheckLayerContractTest} does.
 */
@Tag("postgis")
class PostgisCheckLayerContractTest extends LayerContract {

  static final String DB = "tapak_test_check_layers";

  private com.zaxxer.hikari.HikariDataSource pool;

  @org.junit.jupiter.api.AfterEach
  void closePool() {
    pool.close();
  }

  @Override
  protected Layer layer(List<Feature> features) {
    PostgisCheckStoreTest.recreate(DB);
    pool = PostgisCheckStoreTest.newPool(PostgisCheckStoreTest.url(DB));
    PostgisCheckStore store = new PostgisCheckStore(pool);
    SqliteCheckLayerContractTest.store(store, features);
    return store.sites();
  }

  @Override
  protected String field(String fixtureField) {
    return SqliteCheckLayerContractTest.mapField(fixtureField);
  }

  @Override
  protected Object value(String fixtureField, Object fixtureValue) {
    return SqliteCheckLayerContractTest.mapValue(fixtureField, fixtureValue);
  }

  @Override
  protected List<String> fieldNames() {
    return List.of("check_id", "name", "verdict", "area_ha");
  }
}
