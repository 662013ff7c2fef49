package id.tapak.core.rulebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The worked examples of layers/rules/pp20-2024.spec.yml, one dynamic test per example and rule. */
class RulebookSpecTest {

  static final Path SPEC = Path.of("layers/rules/pp20-2024.spec.yml");

  @TestFactory
  Stream<DynamicNode> examples() {
    RuleSpec spec = RuleSpecRunner.read(SPEC);
    Rulebook rb = RulebookLoader.read(SPEC.toAbsolutePath().getParent().resolve(spec.rulebook()));
    return spec.examples().stream().map(ex -> {
      List<RuleSpecRunner.Outcome> outs = RuleSpecRunner.run(ex, rb, SPEC, spec.covered());
      return DynamicContainer.dynamicContainer(ex.name(), outs.stream().map(o -> DynamicTest.dynamicTest(
          o.rule() + " = " + o.expected(), () -> assertEquals(o.expected(), o.actual(), o.message()))));
    });
  }
}
