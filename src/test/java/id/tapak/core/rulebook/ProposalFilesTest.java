package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.model.TapakException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploaded files mean what they say: the site's attributes are request properties, form fields override them and
 * the notes say which came from where; a zipped shapefile without .prj needs a crs field; a GeoPackage with several
 * tables needs a layer field. Fixtures and their ogr2ogr commands: src/test/resources/fixtures/README.md.
 */
class ProposalFilesTest {

  static final Path RULES = Path.of("src/test/resources/fixtures/rules");
  static final ProposalParser PARSER = new ProposalParser(ProposalLimits.DEFAULT);

  @TempDir
  Path scratch;

  Proposal read(Path file, Map<String, String> form) {
    return ProposalFiles.read(file, scratch, form, PARSER);
  }

  @Test
  void theFilesAttributesAreUsedAndTheFormOverridesThem() {
    // dBase names: industrial (industrial_plot_ha), green_spac (green_space_ha); UTM 49S, reprojected
    Proposal p = read(RULES.resolve("site_attrs_32749.zip"), Map.of("ikm_ha", "2"));
    assertEquals("KI Atribut", p.name());
    assertEquals(40.0, p.industrialPlotHa(), 1e-9);
    assertEquals(9.0, p.greenSpaceHa(), 1e-9);
    assertEquals(2.0, p.ikmHa(), 1e-9);
    assertTrue(p.notes().contains("industrial_plot_ha from the file attribute 'industrial'"), p.notes().toString());
    assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("ikm_ha from the form (overrides the file's ikm_ha = "
        + "1.5")), p.notes().toString());
    assertTrue(p.notes().contains("name from the file attribute 'name'"), p.notes().toString());
    // the same values from a GeoJSON file
    Proposal g = read(RULES.resolve("site_attrs.geojson"), Map.of());
    assertEquals(1.5, g.ikmHa(), 1e-9);
    assertEquals(p.site().getArea(), g.site().getArea(), 1e-9);
  }

  @Test
  void aZippedShapefileWithoutPrjIsRefusedUnlessACrsIsGiven() {
    TapakException e = assertThrows(TapakException.class, () -> read(RULES.resolve("site_attrs_noprj.zip"),
        Map.of()));
    assertEquals("file", e.field());
    assertTrue(e.getMessage().contains("has no .prj") && e.getMessage().contains("'crs'"), e.getMessage());
    Proposal p = read(RULES.resolve("site_attrs_noprj.zip"), Map.of("crs", "EPSG:32749"));
    assertEquals(112.6, p.site().getEnvelopeInternal().getMinX(), 1e-6);
    assertTrue(p.notes().contains("CRS EPSG:32749 from the form field 'crs'"), p.notes().toString());
    TapakException bad = assertThrows(TapakException.class, () -> read(RULES.resolve("site_attrs_noprj.zip"),
        Map.of("crs", "EPSG:99999")));
    assertEquals("crs", bad.field());
  }

  @Test
  void aGeoPackageWithSeveralTablesSaysToChooseOneWithTheLayerField() {
    Path gpkg = Path.of("src/test/resources/fixtures/sources/layers.gpkg");
    TapakException e = assertThrows(TapakException.class, () -> read(gpkg, Map.of()));
    assertEquals("layer", e.field());
    assertTrue(e.getMessage().contains("form field 'layer'") && e.getMessage().contains("estates")
        && !e.getMessage().contains("source.layer") && !e.getMessage().contains("/"), e.getMessage());
    Proposal p = read(gpkg, Map.of("layer", "estates"));
    assertTrue(p.site().getArea() > 0);
  }

  /**
   * A zipped shapefile cut short (the .shp or the .dbf) is refused naming the file as the client sent it and the
   * part inside, never the server's folders it was saved or unpacked in: the web layout (the upload saved inside the
   * scratch folder, UploadReader) and the CLI's (the file elsewhere, CheckCommand).
   */
  @Test
  void aBrokenZippedShapefileIsRefusedWithoutTheServersFolders() throws IOException {
    String[][] cases = {{"shp!", "shx", "dbf", "prj"}, {"shp", "shx", "dbf!", "prj"}};
    try (ZipFile fixture = new ZipFile(RULES.resolve("site_attrs_32749.zip").toFile())) {
      for (boolean web : new boolean[] {true, false}) {
        for (String[] parts : cases) {
          Path work = Files.createTempDirectory(scratch, "work");
          Path zip = (web ? work : Files.createTempDirectory(scratch, "cli")).resolve("site.zip");
          try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String part : parts) {
              boolean cut = part.endsWith("!");
              String ext = cut ? part.substring(0, part.length() - 1) : part;
              ZipEntry from = fixture.stream().filter(e -> e.getName().endsWith("." + ext)).findFirst().orElseThrow();
              byte[] bytes = fixture.getInputStream(from).readAllBytes();
              out.putNextEntry(new ZipEntry("site." + ext));
              out.write(cut ? Arrays.copyOf(bytes, bytes.length / 2 + 3) : bytes);
              out.closeEntry();
            }
          }
          String what = (web ? "web " : "cli ") + String.join(",", parts);
          TapakException e = assertThrows(TapakException.class,
              () -> ProposalFiles.read(zip, work, Map.of(), PARSER), what);
          assertEquals("file", e.field(), what);
          assertTrue(e.getMessage().startsWith("the file cannot be read: site.zip!site.shp: ")
              && e.getMessage().contains(parts[0].endsWith("!") ? "record 1 is truncated" : "dBase file is truncated")
              && !e.getMessage().contains(scratch.toString()) && !e.getMessage().contains("unzipped"),
              what + ": " + e.getMessage());
        }
      }
    }
  }
}
