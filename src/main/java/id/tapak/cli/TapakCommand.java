package id.tapak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tapak} command line: the same core as the service, without a Spring context. Exit status
 * ({@link #OK}…{@link #INTERNAL}): 0 success (CONFORM for {@code check}, every estate CONFORM for {@code audit}),
 * 1 a NOT_CONFORM or CONDITIONAL verdict or a failed verification, 2 bad input (arguments, files, project file), 3 an
 * INCOMPLETE verdict (a rule that can fail could not be assessed over the whole site), 4 an internal error.
 */
@Command(name = "tapak", mixinStandardHelpOptions = true, version = "tapak 0.1.0",
    description = "Lokasi kawasan industri vs PP 20/2024 / Industrial-estate location checks under PP 20/2024",
    subcommands = {LayersCommand.class, CheckCommand.class, AuditCommand.class, RulesCommand.class,
        CorridorCommand.class, EipCommand.class})
public final class TapakCommand {

  /** Success; CONFORM. */
  public static final int OK = 0;
  /** NOT_CONFORM or CONDITIONAL; a failed verification. */
  public static final int NOT_CONFORM = 1;
  /** Bad input: arguments, files, the project file or the rulebook. */
  public static final int BAD_INPUT = 2;
  /** INCOMPLETE: not every rule that can fail was assessed over the whole site. */
  public static final int INCOMPLETE = 3;
  /** An internal error (a bug): the message names it, the stack trace goes to stderr. */
  public static final int INTERNAL = 4;

  /** The exit status of a verdict. */
  static int exitCode(id.tapak.core.rulebook.Verdict v) {
    return switch (v) {
      case CONFORM -> OK;
      case CONDITIONAL, NOT_CONFORM -> NOT_CONFORM;
      case INCOMPLETE -> INCOMPLETE;
    };
  }

  /** Runs the CLI and returns the exit status; bad arguments print a one-line message and return 2. */
  public static int run(String[] args) {
    CommandLine cl = new CommandLine(new TapakCommand());
    cl.setExitCodeExceptionMapper(e -> userError(e) ? BAD_INPUT : INTERNAL);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("tapak: " + ex.getMessage());
      ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      if (!userError(ex)) {
        c.getErr().println("tapak: internal error: " + ex);
        ex.printStackTrace(c.getErr());
        return INTERNAL;
      }
      String field = ex instanceof id.tapak.core.model.TapakException te && te.field() != null
          ? " (" + te.field() + ")" : "";
      c.getErr().println("tapak: " + ex.getMessage() + field);
      return BAD_INPUT;
    });
    return cl.execute(args);
  }

  /** Errors caused by the input (arguments, files, project file, rulebook), as opposed to bugs. */
  private static boolean userError(Throwable e) {
    return e instanceof id.tapak.core.model.TapakException || e instanceof id.tapak.core.catalog.ProjectFileException
        || e instanceof id.tapak.core.rulebook.RulebookException || e instanceof id.tapak.core.source.SourceException
        || e instanceof IllegalArgumentException || e instanceof java.io.IOException
        || e instanceof picocli.CommandLine.ParameterException;
  }
}
