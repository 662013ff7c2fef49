package id.tapak.cli;

import id.tapak.core.catalog.ProjectLoader;
import id.tapak.core.rulebook.Rule;
import id.tapak.core.rulebook.Rulebook;
import id.tapak.core.rulebook.RulebookLoader;
import id.tapak.core.rulebook.RuleSpecRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapak rules verify|list}: runs the rulebook's worked examples, or lists its rules. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Aturan / the rulebook",
    subcommands = {RulesCommand.Verify.class, RulesCommand.ListRules.class})
final class RulesCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("tapak rules: give a sub-command: verify or list (tapak rules --help)");
    return TapakCommand.BAD_INPUT;
  }

  /** The rulebook file of a project: its {@code rulebook:} key or the default next to it. */
  static Path rulebookPath(Path project) {
    var pf = ProjectLoader.read(project);
    Path base = project.toAbsolutePath().getParent();
    return base.resolve(pf.rulebook() == null ? RulebookLoader.DEFAULT_PATH : pf.rulebook()).normalize();
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Jalankan contoh spec / run the spec file's worked examples; exit 1 on a mismatch")
  static final class Verify implements Callable<Integer> {
    @Option(names = "--project", defaultValue = "layers/tapak.yml", description = "project file (default: ${DEFAULT-VALUE})")
    Path project;

    @Option(names = "--spec", description = "spec file (default: the rulebook's name with .spec.yml)")
    Path spec;

    @Override
    public Integer call() {
      Path file = spec;
      if (file == null) {
        Path rb = rulebookPath(project);
        file = rb.resolveSibling(rb.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".spec.yml");
      }
      List<RuleSpecRunner.Outcome> outs = RuleSpecRunner.run(file);
      long bad = outs.stream().filter(o -> !o.ok()).count();
      long examples = outs.stream().map(RuleSpecRunner.Outcome::example).distinct().count();
      for (RuleSpecRunner.Outcome o : outs) {
        if (!o.ok()) {
          System.out.printf("MISMATCH  %s: %s expected %s, got %s: %s%n", o.example(), o.rule(), o.expected(),
              o.actual(), o.message());
        }
      }
      System.out.printf("%s: %d examples, %d expectations, %d mismatches%n", file, examples, outs.size(), bad);
      return bad == 0 ? 0 : 1;
    }
  }

  /** Every threshold the rule reads: the rulebook's value, or the check type's default marked as such. */
  static String thresholds(Rule r) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (var p : r.check().params().values()) {
      var t = r.thresholds().get(p.name());
      if (t != null) {
        out.put(p.name(), fmt(t.value()) + " " + t.unit());
      } else if (!Double.isNaN(p.defaultValue())) {
        out.put(p.name(), fmt(p.defaultValue()) + " " + p.unit() + " (default)");
      }
    }
    r.thresholds().forEach((k, t) -> out.putIfAbsent(k, fmt(t.value()) + " " + t.unit()));
    return String.join(", ", out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Daftar aturan / list the rules")
  static final class ListRules implements Callable<Integer> {
    @Option(names = "--project", defaultValue = "layers/tapak.yml", description = "project file (default: ${DEFAULT-VALUE})")
    Path project;

    @Override
    public Integer call() {
      Rulebook rb = RulebookLoader.read(rulebookPath(project));
      for (Rule r : rb.rules()) {
        System.out.printf("%-20s %-18s %-5s %-10s %s (%s)%n", r.id(), r.check().wireName(), r.severity().wireName(),
            r.confidence().wireName(), r.title().en(), r.citation().text());
        String t = thresholds(r);
        if (!t.isEmpty()) {
          System.out.println("    thresholds: " + t);
        }
      }
      return 0;
    }
  }
}
