package id.tapak.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code coverage:} key: defaults per role, the admin-code and file forms, and one-line errors. */
class CoverageTest {

  static final String ADMIN = Path.of("layers/admin.gpkg").toAbsolutePath().toString();
  static final String PLAN = Path.of("layers/rtrw_pola_ruang.gpkg").toAbsolutePath().toString();

  static Path project(Path dir, String lp2bCoverage) throws Exception {
    Path p = dir.resolve("tapak.yml");
    Files.writeString(p, """
        project: {id: cov, title: {id: Cakupan, en: Coverage}}
        layers:
          - id: kab
            title: {id: Kabupaten, en: Regencies}
            role: admin
            source: {type: geopackage, path: "%s", layer: kabupaten_kota}
            fields: {id: kode, name: nama}
          - id: plan
            title: {id: Pola ruang, en: Plan}
            role: spatial-plan
            source: {type: geopackage, path: "%s", layer: rtrw_pola_ruang}
          - id: lp2b_like
            title: {id: LP2B, en: LP2B}
            role: farmland
            source: {type: geopackage, path: "%s", layer: kecamatan}
        %s
        """.formatted(ADMIN, PLAN, ADMIN, lp2bCoverage));
    return p;
  }

  @Test
  void defaultsAndAdminCodes(@TempDir Path dir) throws Exception {
    Catalog c = CatalogLoader.load(project(dir, "    coverage: {admin: kab, codes: [\"35.17\"]}"));
    assertEquals(Coverage.Kind.FEATURES, c.coverage(c.layer("plan").orElseThrow()).kind());
    assertEquals(Coverage.Kind.UNKNOWN, c.coverage(c.layer("kab").orElseThrow()).kind());
    Coverage lp2b = c.coverage(c.layer("lp2b_like").orElseThrow());
    assertEquals(Coverage.Kind.AREA, lp2b.kind());
    assertTrue(lp2b.description().en().contains("35.17 Kabupaten Jombang"), lp2b.description().en());
    var jombang = c.layer("kab").orElseThrow().feature("35.17").orElseThrow().geometry();
    var gresik = c.layer("kab").orElseThrow().feature("35.25").orElseThrow().geometry();
    assertTrue(lp2b.covers(jombang.getInteriorPoint()));
    assertFalse(lp2b.intersects(gresik.getInteriorPoint()));
  }

  @Test
  void aWrongDeclarationStopsTheLoadWithOneLine(@TempDir Path dir) throws Exception {
    ProjectFileException code = assertThrows(ProjectFileException.class, () -> CatalogLoader.load(project(dir,
        "    coverage: {admin: kab, codes: [\"35.99\"]}")));
    assertTrue(code.getMessage().contains("layer 'lp2b_like': key 'coverage.codes': no feature with id [35.99]"),
        code.getMessage());
    ProjectFileException admin = assertThrows(ProjectFileException.class, () -> CatalogLoader.load(project(dir,
        "    coverage: {admin: plan}")));
    assertTrue(admin.getMessage().contains("key 'coverage.admin': no admin layer 'plan'"), admin.getMessage());
    ProjectFileException word = assertThrows(ProjectFileException.class, () -> CatalogLoader.load(project(dir,
        "    coverage: everywhere")));
    assertTrue(word.getMessage().contains("layer 'lp2b_like'") && word.getMessage().contains("coverage")
        && word.getMessage().contains("unknown coverage 'everywhere'"), word.getMessage());
    assertFalse(word.getMessage().contains("\n"), word.getMessage());
  }
}
