package id.tapak.core.store;

import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerContract;
import id.tapak.core.model.Feature;
import id.tapak.core.rulebook.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer contract on the SQLite store's {@code check_sites}: the four fixture features stored as checks 1..4,
 * kode as the check's name, kelas as its verdict, luas as its hectares.
 */
class SqliteCheckLayerContractTest extends LayerContract {

  /** kelas → verdict; "Sawah" (absent from the fixture) maps to a verdict no fixture check has. */
  static final Map<String, Verdict> VERDICTS = Map.of("KPI", Verdict.CONFORM, "LP2B", Verdict.NOT_CONFORM, "Hutan",
      Verdict.INCOMPLETE, "Sawah", Verdict.CONDITIONAL);

  @TempDir
  Path dir;

  private StoredChecks store;

  /** Stores each fixture feature as a check of the same id, site and attributes. */
  static void store(StoredChecks s, List<Feature> features) {
    for (Feature f : features) {
      s.save(StoredCheckFixture.report(f.id(), f.text("kode"), VERDICTS.get(f.text("kelas")),
          ((Number) f.properties().get("luas")).doubleValue(), f.geometry(), null));
    }
  }

  @Override
  protected Layer layer(List<Feature> features) {
    store = SqliteCheckStore.open(dir);
    store(store, features);
    return store.sites();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected String field(String fixtureField) {
    return mapField(fixtureField);
  }

  @Override
  protected Object value(String fixtureField, Object fixtureValue) {
    return mapValue(fixtureField, fixtureValue);
  }

  @Override
  protected List<String> fieldNames() {
    return List.of("check_id", "name", "verdict", "area_ha");
  }

  static String mapField(String fixtureField) {
    return switch (fixtureField) {
      case "kode" -> "name";
      case "kelas" -> "verdict";
      case "luas" -> "area_ha";
      default -> throw new IllegalArgumentException(fixtureField);
    };
  }

  static Object mapValue(String fixtureField, Object v) {
    return switch (fixtureField) {
      case "kelas" -> VERDICTS.get((String) v).name();
      case "luas" -> ((Number) v).doubleValue();
      default -> v;
    };
  }
}
