package id.tapak;

import id.tapak.app.TapakApplication;
import id.tapak.cli.TapakCommand;
import java.util.Arrays;
import java.util.Set;

/**
 * Entry point of the jar. {@code java -jar tapak.jar [serve] [--spring options]} starts the HTTP service; the other
 * sub-commands ({@code check}, {@code audit}, {@code rules}, {@code layers}, {@code corridor}) run the same core
 * without a Spring context, so a CLI check starts in a second and exits with a meaningful status. Any other first
 * word that is not an option goes to the CLI too, which refuses it: a mistyped command must not start a server.
 */
public final class TapakMain {

  private static final Set<String> CLI_OPTIONS = Set.of("--help", "-h", "--version", "-V");

  private TapakMain() {}

  public static void main(String[] args) {
    boolean command = args.length > 0 && !args[0].equals("serve") && !args[0].startsWith("-");
    if (command || args.length > 0 && CLI_OPTIONS.contains(args[0])) {
      System.exit(TapakCommand.run(args));
    }
    String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
    TapakApplication.serve(rest);
  }
}
