package id.tapak.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks survive closing and reopening the store; conflicts come back as features for the WMS. */
class SqliteCheckStoreTest {

  @TempDir
  Path dir;

  @Test
  void checksSurviveARestart() throws Exception {
    Catalog c = CatalogLoader.load(Path.of("src/test/resources/fixtures/rules/tapak.yml"));
    ConformityEngine engine = new ConformityEngine(c, RulebookLoader.forCatalog(c));
    String lp2b = "{\"type\":\"Feature\",\"properties\":{\"name\":\"on LP2B\"},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[112.655,-7.2],[112.662,-7.2],[112.662,-7.193],[112.655,-7.193],[112.655,-7.2]]]}}";
    ConformityReport r = engine.check(new ProposalParser(ProposalLimits.DEFAULT).parse(lp2b.getBytes()));
    try (SqliteCheckStore s = SqliteCheckStore.open(dir)) {
      s.save(r);
      assertEquals(1, s.version());
    }
    assertTrue(Files.exists(dir.resolve("checks.sqlite")));
    try (SqliteCheckStore s = SqliteCheckStore.open(dir)) {
      assertEquals(1, s.count());
      CheckStore.StoredCheck sc = s.find(r.id()).orElseThrow();
      assertEquals("NOT_CONFORM", sc.summary().verdict());
      assertTrue(new String(sc.reportJson()).contains("\"lp2b-overlap\""));
      assertEquals(1, s.list(10, 0).size());
      assertEquals(0, s.list(10, 1).size());
      assertEquals(1, s.sites(null).size());
      assertEquals("on LP2B", s.sites(r.id()).get(0).properties().get("name"));
      assertTrue(s.conflicts(r.id()).stream().anyMatch(f -> "lp2b-overlap".equals(f.properties().get("rule"))));
      assertTrue(s.find("nope").isEmpty());
    }
  }
}
