package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled rulebook loads; a wrong one fails with one line naming the file, the rule and the key. */
class RulebookLoaderTest {

  @TempDir
  Path dir;

  @Test
  void bundledRulebookLoads() {
    Rulebook rb = RulebookLoader.read(Path.of("layers/rules/pp20-2024.yml"));
    assertEquals("pp20-2024", rb.id());
    assertEquals(50.0, rb.rule("min-expanse").orElseThrow().threshold("min_ha"));
    assertEquals(30.0, rb.rule("min-expanse").orElseThrow().threshold("gap_tolerance_m"));
    assertEquals(2.0, rb.rule("ikm-share").orElseThrow().threshold("min_share"));
    for (Rule r : rb.rules()) {
      assertTrue(r.confidence() == Confidence.CONFIRMED || r.severity() == Severity.WARN, r.id());
    }
  }

  String error(String rules) throws Exception {
    Path f = dir.resolve("bad.yml");
    Files.writeString(f, "id: bad\ntitle: {id: a, en: b}\nrules:\n" + rules);
    RulebookException e = assertThrows(RulebookException.class, () -> RulebookLoader.read(f));
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    return e.getMessage();
  }

  static final String RULE = "  - id: min-expanse\n    title: {id: a, en: b}\n    citation: {regulation: PP 20/2024, "
      + "article: Pasal 49}\n    check: min-expanse\n    severity: fail\n    confidence: confirmed\n";

  @Test
  void errorsNameRuleAndKey() throws Exception {
    String unit = error(RULE + "    thresholds: {min_ha: {value: 50, unit: m}}\n");
    assertTrue(unit.contains("min-expanse") && unit.contains("min_ha") && unit.contains("ha"), unit);
    String unknownKey = error(RULE + "    threshold: {min_ha: {value: 50, unit: ha}}\n");
    assertTrue(unknownKey.contains("rule 'min-expanse'") && unknownKey.contains("threshold"), unknownKey);
    String check = error(RULE.replace("check: min-expanse", "check: min-area"));
    assertTrue(check.contains("unknown check 'min-area'"), check);
    String guideline = error(RULE.replace("confidence: confirmed", "confidence: guideline"));
    // refused by the Rule record itself (the one place that knows it), reported by the loader as one line naming
    // the file, the rule and what to change
    assertTrue(guideline.contains("rule 'min-expanse'") && guideline.contains("may only warn")
        && guideline.contains("set severity: warn"), guideline);
    String param = error(RULE + "    thresholds: {minimum: {value: 50, unit: ha}}\n");
    assertTrue(param.contains("unknown threshold 'minimum'"), param);
  }
}
