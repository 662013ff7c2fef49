package id.tapak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tapak} command line: the same core as the service, without a Spring context. Exit status: 0 success
 * (and CONFORM for {@code check}), 1 a NOT_CONFORM/CONDITIONAL verdict or failed verification, 2 bad input.
 */
@Command(name = "tapak", mixinStandardHelpOptions = true, version = "tapak 0.1.0",
    description = "Lokasi kawasan industri vs PP 20/2024 / Industrial-estate location checks under PP 20/2024",
    subcommands = {LayersCommand.class, CheckCommand.class, AuditCommand.class, RulesCommand.class})
public final class TapakCommand {

  /** Runs the CLI and returns the exit status; bad arguments print a one-line message and return 2. */
  public static int run(String[] args) {
    CommandLine cl = new CommandLine(new TapakCommand());
    cl.setExitCodeExceptionMapper(e -> 2);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("tapak: " + ex.getMessage());
      ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      String field = ex instanceof id.tapak.core.model.TapakException te && te.field() != null
          ? " (" + te.field() + ")" : "";
      c.getErr().println("tapak: " + ex.getMessage() + field);
      return 2;
    });
    return cl.execute(args);
  }
}
