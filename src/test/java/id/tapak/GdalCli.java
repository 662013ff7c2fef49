package id.tapak;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a GDAL command-line tool as a test client. A missing GDAL fails the test (install {@code gdal-bin}); it never
 * skips. Proxies are cleared: the servers under test are on 127.0.0.1.
 */
public final class GdalCli {

  /** Exit status and both streams of one run. */
  public record Run(int exit, String out, String err) {}

  private GdalCli() {}

  public static Run run(String... cmd) throws Exception {
    return run(Map.of(), cmd);
  }

  /** Runs with extra environment, e.g. {@code CPL_DEBUG=ON} to log every HTTP fetch on stderr. */
  public static Run run(Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    for (String v : new String[] {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
        "ALL_PROXY"}) {
      pb.environment().remove(v);
    }
    pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
    pb.environment().put("GDAL_HTTP_TIMEOUT", "30");
    pb.environment().putAll(env);
    Path err = Files.createTempFile("tapak-gdal-", ".err");
    pb.redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.deleteIfExists(err);
      fail(cmd[0] + " is not installed or not on PATH; GDAL is a required test client (apt-get install gdal-bin): "
          + e.getMessage());
      throw e;
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish in 180 s");
    }
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    Files.deleteIfExists(err);
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), errText);
  }
}
