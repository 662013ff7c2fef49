package id.tapak.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.publish.report.ReportWriter;
import id.tapak.core.rulebook.ConformityEngine;
import id.tapak.core.rulebook.ConformityReport;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.store.CheckStore.CheckFilter;
import id.tapak.core.store.CheckStore.CheckSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoredChecks} implementation must do, run against each (SQLite here, PostGIS under
 * {@code @Tag("postgis")}): a check comes back byte for byte after the store is reopened, the history filters by
 * date, verdict, place and rulebook, and sites and conflicts come back as features for the WMS. Checks are real:
 * the demo project's engine over {@code layers/tapak.yml}.
 */
abstract class CheckStoreContract {

  static ConformityEngine engine;

  /** A new, empty store; {@link #reopen} gives another handle on the same stored data. */
  abstract StoredChecks open();

  abstract StoredChecks reopen();

  @BeforeAll
  static void demoEngine() {
    Catalog c = CatalogLoader.load(Path.of("layers/tapak.yml"));
    engine = new ConformityEngine(c, RulebookLoader.forCatalog(c));
  }

  /** The features of one check, from a layer's full scan. */
  static List<id.tapak.core.model.Feature> ofCheck(id.tapak.core.catalog.Layer layer, String checkId) {
    return ofCheck(id.tapak.core.catalog.LayerFeatures.all(layer), checkId);
  }

  static List<id.tapak.core.model.Feature> ofCheck(List<id.tapak.core.model.Feature> features, String checkId) {
    return features.stream().filter(f -> checkId.equals(f.properties().get("check_id"))).toList();
  }

  /** A ~60 ha square check at (lon, lat), EPSG:4326. */
  static ConformityReport check(String name, double lon, double lat) {
    double h = 0.0035;
    String site = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"%s\","
        + "\"industrial_plot_ha\":40,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],"
        + "[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", name, lon - h, lat - h, lon + h, lat - h, lon + h, lat + h,
        lon - h, lat + h, lon - h, lat - h);
    return engine.check(new ProposalParser(ProposalLimits.DEFAULT).parse(site.getBytes()));
  }

  /** The check layers of a map read only the checks in its box, through the store's spatial index. */
  @Test
  void sitesAndConflictsByBox() {
    ConformityReport gresik = check("kotak Gresik", 112.60, -7.20);
    ConformityReport sidoarjo = check("kotak Sidoarjo", 112.70, -7.45);
    try (StoredChecks s = open()) {
      s.save(gresik);
      s.save(sidoarjo);
      org.locationtech.jts.geom.Envelope aroundGresik = new org.locationtech.jts.geom.Envelope(112.59, 112.61,
          -7.21, -7.19);
      assertThat(s.sites().candidates(aroundGresik)).extracting(f -> f.id()).containsExactly(gresik.id());
      assertThat(s.sites().candidates(new org.locationtech.jts.geom.Envelope(100, 101, 0, 1))).isEmpty();
      assertThat(CheckStoreContract.ofCheck(s.sites().candidates(aroundGresik), sidoarjo.id())).isEmpty();
      assertThat(id.tapak.core.catalog.LayerFeatures.all(s.sites())).hasSize(2);
      org.locationtech.jts.geom.Envelope aroundSidoarjo = new org.locationtech.jts.geom.Envelope(112.69, 112.71,
          -7.46, -7.44);
      assertThat(ConflictRows.of(gresik).size() + ConflictRows.of(sidoarjo).size()).as("conflict rows to find")
          .isPositive();
      assertThat(s.conflicts().candidates(aroundGresik)).hasSize(ConflictRows.of(gresik).size())
          .allSatisfy(f -> assertThat(f.properties()).containsEntry("check_id", gresik.id()));
      assertThat(s.conflicts().candidates(aroundSidoarjo)).hasSize(ConflictRows.of(sidoarjo).size())
          .allSatisfy(f -> assertThat(f.properties()).containsEntry("check_id", sidoarjo.id()));
    }
  }

  @Test
  void storesReadsFiltersAndDraws() throws Exception {
    // Gresik (Manyar) and Sidoarjo: two kabupaten of the demo's admin layer
    ConformityReport gresik = check("di Gresik", 112.60, -7.20);
    ConformityReport sidoarjo = check("di Sidoarjo", 112.70, -7.45);
    Instant between;
    try (StoredChecks s = open()) {
      assertThat(s.count()).isZero();
      long v0 = s.version();
      s.save(gresik);
      between = Instant.now();
      Thread.sleep(5); // the second check is made strictly after 'between'
      ConformityReport later = check("di Sidoarjo", 112.70, -7.45);
      s.save(later);
      assertThat(s.version()).isGreaterThan(v0);
      sidoarjo = later;
    }
    try (StoredChecks s = reopen()) {
      assertThat(s.count()).isEqualTo(2);
      CheckStore.StoredCheck back = s.find(gresik.id()).orElseThrow();
      assertThat(new String(back.reportJson())).isEqualTo(new String(ReportWriter.json(gresik, null)));
      assertThat(back.summary().verdict()).isEqualTo(gresik.verdict().name());
      assertThat(back.summary().siteHa()).isEqualTo(gresik.siteHa());
      assertThat(back.summary().rulebook()).isEqualTo("pp20-2024");
      assertThat(back.summary().location()).contains("Gresik");
      assertThat(s.find("nope")).isEmpty();

      List<CheckSummary> all = s.list(10, 0);
      assertThat(all).extracting(CheckSummary::id).containsExactly(sidoarjo.id(), gresik.id());
      assertThat(s.list(10, 1)).extracting(CheckSummary::id).containsExactly(gresik.id());

      CheckFilter inGresik = new CheckFilter(null, null, null, "gresik", null);
      assertThat(s.list(inGresik, 10, 0)).extracting(CheckSummary::id).containsExactly(gresik.id());
      assertThat(s.count(inGresik)).isEqualTo(1);
      CheckFilter inSidoarjo = new CheckFilter(null, null, null, "Sidoarjo", null);
      assertThat(s.list(inSidoarjo, 10, 0)).extracting(CheckSummary::id).containsExactly(sidoarjo.id());
      // a LIKE wildcard in the place text is a literal, not a pattern
      assertThat(s.count(new CheckFilter(null, null, null, "%", null))).isZero();
      assertThat(s.count(new CheckFilter(null, null, null, "Gres_k", null))).isZero();

      assertThat(s.list(new CheckFilter(between, null, null, null, null), 10, 0)).extracting(CheckSummary::id)
          .containsExactly(sidoarjo.id());
      assertThat(s.list(new CheckFilter(null, between, null, null, null), 10, 0)).extracting(CheckSummary::id)
          .containsExactly(gresik.id());
      assertThat(s.count(new CheckFilter(null, null, gresik.verdict().name(), null, null)))
          .isEqualTo(gresik.verdict() == sidoarjo.verdict() ? 2 : 1);
      assertThat(s.count(new CheckFilter(null, null, null, null, "pp20-2024"))).isEqualTo(2);
      assertThat(s.count(new CheckFilter(null, null, null, null, "other"))).isZero();

      assertThat(id.tapak.core.catalog.LayerFeatures.all(s.sites())).hasSize(2);
      assertThat(CheckStoreContract.ofCheck(s.sites(), gresik.id())).singleElement().satisfies(f -> {
        assertThat(f.properties()).containsEntry("name", "di Gresik").containsEntry("verdict", gresik.verdict().name());
        assertThat(f.geometry().getEnvelopeInternal().centre().x).isCloseTo(112.60, org.assertj.core.data.Offset.offset(1e-9));
      });
      long conflicts = gresik.findings().stream().filter(f -> f.conflict() != null).count();
      assertThat(CheckStoreContract.ofCheck(s.conflicts(), gresik.id())).hasSize((int) conflicts);
    }
  }

  /**
   * The two layers by id, count, schema and version: a conflict and the part of a site a rule could not assess are
   * two features with ids of their own; the layers' version is the store's and moves with a save and a delete.
   */
  @Test
  void checkLayersByIdCountAndVersion() {
    org.locationtech.jts.geom.Geometry site = id.tapak.core.geo.GeoJson.FACTORY.toGeometry(
        new org.locationtech.jts.geom.Envelope(112.60, 112.62, -7.52, -7.50));
    org.locationtech.jts.geom.Geometry part = id.tapak.core.geo.GeoJson.FACTORY.toGeometry(
        new org.locationtech.jts.geom.Envelope(112.60, 112.61, -7.52, -7.51));
    ConformityReport r = StoredCheckFixture.report("k1", "dua baris", id.tapak.core.rulebook.Verdict.NOT_CONFORM,
        440.5, site, part);
    id.tapak.core.rulebook.Finding fail = r.findings().get(0);
    // the same rule could not assess the site's other half: a NOT_ASSESSED row next to the FAIL one
    id.tapak.core.rulebook.Finding both = new id.tapak.core.rulebook.Finding(fail.ruleId(), fail.title(),
        fail.status(), fail.measured(), fail.unit(), fail.threshold(), fail.citation(), fail.confidence(), null,
        fail.message(), null, fail.conflict(), fail.conflictHa(), fail.severity(), 220.0, 220.0,
        id.tapak.core.model.LocalizedText.of("di luar cakupan", "outside the coverage"), site.difference(part));
    ConformityReport two = new ConformityReport(r.id(), r.created(), r.name(), r.kind(), null, r.rulebook(),
        r.verdict(), r.siteHa(), r.site(), List.of(both), List.of(), r.netHa(), List.of(), List.of(), null, null);
    try (StoredChecks s = open()) {
      long v0 = s.sites().version();
      s.save(two);
      assertThat(s.sites().version()).isEqualTo(s.version()).isEqualTo(s.conflicts().version()).isNotEqualTo(v0);
      assertThat(s.sites().count()).isEqualTo(1);
      assertThat(s.conflicts().count()).isEqualTo(2);
      assertThat(s.sites().inMemory()).isFalse();
      assertThat(s.sites().fieldNames()).containsExactly("check_id", "name", "verdict", "area_ha");
      assertThat(s.conflicts().fieldNames()).containsExactly("check_id", "rule", "status", "hectares", "message");
      assertThat(s.sites().feature("k1").orElseThrow().properties()).containsEntry("name", "dua baris")
          .containsEntry("verdict", "NOT_CONFORM").containsEntry("area_ha", 440.5);
      assertThat(s.conflicts().feature("k1-lp2b-overlap").orElseThrow().properties())
          .containsEntry("status", "FAIL").containsEntry("hectares", 12.5);
      assertThat(s.conflicts().feature("k1-lp2b-overlap-not-assessed").orElseThrow().properties())
          .containsEntry("status", "NOT_ASSESSED").containsEntry("message", "outside the coverage")
          .containsEntry("hectares", 220.0);
      assertThat(s.conflicts().feature("k1-lp2b-overlap").orElseThrow().geometry().equalsExact(part)).isTrue();
      assertThat(s.conflicts().feature("k1")).isEmpty();
      assertThat(s.sites().bbox()).isEqualTo(new org.locationtech.jts.geom.Envelope(112.60, 112.62, -7.52, -7.50));
      assertThat(s.conflicts().distinctValues("status", 10)).containsExactly("FAIL", "NOT_ASSESSED");
      long saved = s.conflicts().version();
      assertThat(s.delete("k1")).isTrue();
      assertThat(s.conflicts().version()).isNotEqualTo(saved);
      assertThat(s.conflicts().count()).isZero();
      assertThat(s.sites().bbox().isNull()).isTrue();
    }
  }

  /** Who made a check is kept with it and listed; a delete removes the check and its conflicts, once. */
  @Test
  void recordsWhoMadeACheckAndDeletesIt() throws Exception {
    ConformityReport r = check("oleh Ana", 112.61, -7.21);
    try (StoredChecks s = open()) {
      long before = s.count();
      byte[] answered = s.save(r, "ana");
      // the controller answers with what save returns: the very bytes a later GET reads
      org.assertj.core.api.Assertions.assertThat(answered).isEqualTo(s.find(r.id()).orElseThrow().reportJson())
          .isEqualTo(id.tapak.core.publish.report.ReportWriter.json(r, null));
      org.assertj.core.api.Assertions.assertThat(s.find(r.id()).orElseThrow().summary().createdBy()).isEqualTo("ana");
      org.assertj.core.api.Assertions.assertThat(s.list(1, 0).get(0).createdBy()).isEqualTo("ana");
      long saved = s.version();
      org.assertj.core.api.Assertions.assertThat(s.delete(r.id())).isTrue();
      org.assertj.core.api.Assertions.assertThat(s.version()).as("a delete changes the version (tile caches)")
          .isNotEqualTo(saved);
      org.assertj.core.api.Assertions.assertThat(s.find(r.id())).isEmpty();
      org.assertj.core.api.Assertions.assertThat(CheckStoreContract.ofCheck(s.conflicts(), r.id())).isEmpty();
      org.assertj.core.api.Assertions.assertThat(s.delete(r.id())).isFalse();
      org.assertj.core.api.Assertions.assertThat(s.count()).isEqualTo(before);
    }
  }
}
