package id.tapak.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-side settings ({@code tapak.*} in {@code application.yml}, environment {@code TAPAK_*}). Layers and rules are
 * not here: they live in the project file, which the CLI reads too.
 *
 * <p>Paths are bound as plain strings and turned into file paths here: Spring's own String-to-Path conversion reads a
 * relative {@code ../shared/x.yml} as a servlet-context resource and fails ("normalized to [null]").
 *
 * @param project the project file to serve (default {@code layers/tapak.yml}, relative to the working directory)
 * @param dataDir folder for the embedded check store (default {@code data/}); created on start
 * @param baseUrl public base URL used in OGC links when the service sits behind a proxy; empty = from the request
 */
@ConfigurationProperties("tapak")
public record TapakProperties(
    @DefaultValue("layers/tapak.yml") String project,
    @DefaultValue("data") String dataDir,
    @DefaultValue("") String baseUrl) {

  /** The project file, relative paths against the working directory. */
  public Path projectPath() {
    return Path.of(project);
  }

  /** The data folder, relative paths against the working directory. */
  public Path dataPath() {
    return Path.of(dataDir);
  }
}
