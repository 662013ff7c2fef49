package id.tapak;

import id.tapak.app.TapakApplication;
import id.tapak.cli.TapakCommand;
import java.util.Arrays;
import java.util.Set;

/**
 * Entry point of the jar. {@code java -jar tapak.jar [serve] [--spring options]} starts the HTTP service; the other
 * sub-commands ({@code check}, {@code audit}, {@code rules}, {@code layers}) run the same core without a Spring
 * context, so a CLI check starts in a second and exits with a meaningful status.
 */
public final class TapakMain {

  private static final Set<String> CLI = Set.of("check", "audit", "rules", "layers", "help", "--help", "-h",
      "--version", "-V");

  private TapakMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && CLI.contains(args[0])) {
      System.exit(TapakCommand.run(args));
    }
    String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
    TapakApplication.serve(rest);
  }
}
