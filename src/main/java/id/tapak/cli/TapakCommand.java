package id.tapak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tapak} command line: the same core as the service, without a Spring context. Exit status
 * ({@link #OK}…{@link #UNAVAILABLE}): 0 success (CONFORM for {@code check}, every estate CONFORM for {@code audit}),
 * 1 a NOT_CONFORM or CONDITIONAL verdict or a failed verification, 2 bad input (arguments, files, project file), 3 an
 * INCOMPLETE verdict (a rule that can fail could not be assessed over the whole site), 4 an internal error (a bug),
 * 5 unavailable (a PostGIS database the project needs cannot be reached now: try again when it is up).
 *
 * <p>Bad input is recognised by type only: {@link id.tapak.core.model.TapakException} (every kind but
 * {@code OVER_BUDGET}), {@code ProjectFileException}, {@code RulebookException}, {@code SourceException},
 * {@code IOException} and picocli's parameter errors. An {@code IllegalArgumentException} is not input's fault: it
 * comes from a record refusing what internal code built, so it is an internal error.
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
  /** A database the command needs cannot be reached now (PostGIS down); one line on stderr, no stack trace. */
  public static final int UNAVAILABLE = 5;

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
    cl.setExitCodeExceptionMapper(TapakCommand::exitCode);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("tapak: " + ex.getMessage());
      ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      int code = exitCode(ex);
      switch (code) {
        case UNAVAILABLE -> c.getErr().println("tapak: unavailable: " + oneLine(ex.getMessage()) + " ("
            + unavailableHint(ex) + ")");
        case BAD_INPUT -> {
          String field = ex instanceof id.tapak.core.model.TapakException te && te.field() != null
              ? " (" + te.field() + ")" : "";
          c.getErr().println("tapak: " + ex.getMessage() + field);
        }
        default -> {
          c.getErr().println("tapak: internal error: " + ex);
          ex.printStackTrace(c.getErr());
        }
      }
      return code;
    });
    return cl.execute(args);
  }

  /** The exit status of a failure: unavailable, bad input (by type, see the class comment) or internal. */
  static int exitCode(Throwable e) {
    if (unavailable(e)) {
      return UNAVAILABLE;
    }
    boolean badInput = e instanceof id.tapak.core.model.TapakException te
        ? te.kind() != id.tapak.core.model.TapakException.Kind.OVER_BUDGET
        : e instanceof id.tapak.core.catalog.ProjectFileException || e instanceof id.tapak.core.rulebook.RulebookException
            || e instanceof id.tapak.core.source.SourceException || e instanceof java.io.IOException
            || e instanceof picocli.CommandLine.ParameterException;
    return badInput ? BAD_INPUT : INTERNAL;
  }

  /**
   * True when the failure, or any cause, says a database cannot be reached now: a layer or store unavailable, a
   * time budget spent, or an SQL error of class 08 (connection), 53 (resources) or 57P (server shut down), e.g. a
   * {@code mode: memory} PostGIS layer read at start-up whose server is down (reported as a project-file error).
   */
  static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof id.tapak.core.catalog.LayerUnavailableException
          || t instanceof id.tapak.core.store.StoreUnavailableException
          || t instanceof id.tapak.core.model.TapakException te
              && te.kind() == id.tapak.core.model.TapakException.Kind.OVER_BUDGET) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53")
              || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** What to do about an unavailable answer: a spent time budget is not a database that is down. */
  static String unavailableHint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof id.tapak.core.model.TapakException te
          && te.kind() == id.tapak.core.model.TapakException.Kind.OVER_BUDGET) {
        return "it took longer than its time budget; try again later, or with a smaller input";
      }
    }
    return "try again when the database is up";
  }

  private static String oneLine(@org.jspecify.annotations.Nullable String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
