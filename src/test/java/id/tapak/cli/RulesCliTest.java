package id.tapak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, audit and rules verify on the tiny fixture project, without Spring: exit statuses and outputs. */
class RulesCliTest {

  static final String PROJECT = "src/test/resources/fixtures/rules/tapak.yml";

  @TempDir
  Path tmp;

  /** Rules in layers/rules/pp20-2024.yml: one audit row per estate and rule. */
  private static final int RULES = id.tapak.core.rulebook.RulebookLoader
      .read(java.nio.file.Path.of("layers/rules/pp20-2024.yml")).rules().size();

  @Test
  void everyCommandHasHelpAndIncompleteHasItsOwnExitCode() throws Exception {
    for (String[] cmd : new String[][] {{"check", "--help"}, {"audit", "--help"}, {"layers", "--help"},
        {"rules", "--help"}, {"rules", "verify", "--help"}, {"rules", "list", "--help"}}) {
      assertEquals(0, TapakCommand.run(cmd), String.join(" ", cmd));
    }
    // a site 60 km east of every fixture layer's coverage: nothing there is evidence, so INCOMPLETE (3), not CONFORM
    Path far = tmp.resolve("far.geojson");
    Files.writeString(far, "{\"type\":\"Feature\",\"properties\":{\"ikm_ha\":1,\"industrial_plot_ha\":40},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.2,-7.2],[113.207,-7.2],[113.207,-7.193],"
        + "[113.2,-7.193],[113.2,-7.2]]]}}");
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(TapakCommand.INCOMPLETE, TapakCommand.run(new String[] {"check", "--project", PROJECT,
          "--proposal", far.toString()}));
    } finally {
      System.setOut(out);
    }
    String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("INCOMPLETE (belum dapat disimpulkan)"), text);
    assertTrue(text.contains("kpi-allocation [blocks CONFORM]: the site lies outside the coverage of layer rtrw"),
        text);
    assertTrue(!text.contains("check "), "the CLI stores nothing, so it prints no check id: " + text);
  }

  @Test
  void checkExitsZeroOnConformAndTwoOnBadInput() {
    assertEquals(0, TapakCommand.run(new String[] {"check", "--project", PROJECT, "--proposal",
        "src/test/resources/fixtures/rules/kpi_site.geojson"}));
    assertEquals(0, TapakCommand.run(new String[] {"check", "--project", PROJECT, "--format", "json", "--proposal",
        "src/test/resources/fixtures/rules/kpi_site.geojson"}));
    assertEquals(0, TapakCommand.run(new String[] {"check", "--project", PROJECT, "--proposal",
        "src/test/resources/fixtures/rules/site_zones_32749.zip", "--property", "industrial_plot_ha=40"}));
    assertEquals(1, TapakCommand.run(new String[] {"check", "--project", PROJECT, "--proposal",
        "src/test/resources/fixtures/rules/site.kml"}));
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf));
    try {
      assertEquals(2, TapakCommand.run(new String[] {"check", "--project", PROJECT, "--proposal",
          "src/test/resources/fixtures/rules/point.geojson"}));
      assertEquals(2, TapakCommand.run(new String[] {"check", "--project", PROJECT, "--proposal", "nope.geojson"}));
    } finally {
      System.setErr(err);
    }
    String e = buf.toString();
    assertTrue(e.contains("Polygon") && !e.contains("\tat "), e);
  }

  @Test
  void auditWritesOneRowPerEstateAndRule() throws Exception {
    Path csv = tmp.resolve("audit.csv");
    // kib fails the 50 ha rule, so not every estate is CONFORM: exit 1
    assertEquals(1, TapakCommand.run(new String[] {"audit", "--project", PROJECT, "--layer", "estates", "--out",
        csv.toString()}));
    List<String> lines = Files.readAllLines(csv);
    assertEquals(1 + 2 * RULES, lines.size(), String.join("\n", lines.subList(0, 3)));
    assertTrue(lines.get(0).startsWith("estate_id,estate,verdict"));
    // an estate never overlaps itself; the 40 ha one fails the 50 ha rule
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("kig,") && l.contains(",estate-overlap,PASS,")));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("kib,") && l.contains(",min-expanse,FAIL,")));
    Path file = tmp.resolve("file.csv");
    assertEquals(1, TapakCommand.run(new String[] {"audit", "--project", PROJECT, "--estates",
        "src/test/resources/fixtures/rules/estates.geojson", "--out", file.toString()}));
    List<String> fileLines = Files.readAllLines(file);
    assertEquals(1 + 2 * RULES, fileLines.size());
    assertTrue(fileLines.stream().anyMatch(l -> l.startsWith("kig,") && l.contains(",estate-overlap,PASS,")),
        "the same estate in the catalog is not an overlap");
    Path geo = tmp.resolve("audit.geojson");
    assertEquals(1, TapakCommand.run(new String[] {"audit", "--project", PROJECT, "--out", geo.toString()}));
    assertTrue(Files.readString(geo).startsWith("{\"type\":\"FeatureCollection\""));
  }

  @Test
  void rulesVerifyRunsTheSpecFile() {
    assertEquals(0, TapakCommand.run(new String[] {"rules", "verify", "--project", PROJECT}));
    assertEquals(0, TapakCommand.run(new String[] {"rules", "list", "--project", PROJECT}));
  }
}
