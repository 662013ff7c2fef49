package id.tapak.web.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged check survives {@code kill -9}: the real service runs as its own process on the demo project,
 * 20 checks are posted, the process is killed with SIGKILL straight after the last 201, and a new process on the
 * same data directory must answer every acknowledged id with the same verdict.
 */
class CheckDurabilityTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern VERDICT = Pattern.compile("\"verdict\"\\s*:\\s*\"([A-Z_]+)\"");

  private static Process start(Path dataDir, int port, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), "id.tapak.TapakMain", "--server.port=" + port,
        "--tapak.data-dir=" + dataDir, "--tapak.project=layers/tapak.yml")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("service process exited; see " + log).isTrue();
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/layers")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return p;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    p.destroyForcibly();
    throw new AssertionError("service did not start within 120 s; see " + log);
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A ~60 ha square around a point of the demo (Gresik); its verdict does not matter, its storage does. */
  private static String site(int i) {
    double x = 112.60 + i * 0.002;
    double y = -7.20;
    double h = 0.0035;
    return String.format(java.util.Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"durable %d\","
        + "\"industrial_plot_ha\":40,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],"
        + "[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", i, x - h, y - h, x + h, y - h, x + h, y + h, x - h, y + h, x - h, y - h);
  }

  @Test
  void acknowledgedChecksSurviveSigkill(@TempDir Path tmp) throws Exception {
    assertThat(new File("layers/tapak.yml")).as("run from the project root").exists();
    Path data = tmp.resolve("data");
    int port = freePort();
    Process first = start(data, port, tmp.resolve("first.log"));
    List<String[]> acknowledged = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/checks"))
            .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(site(i)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher id = ID.matcher(r.body());
        Matcher verdict = VERDICT.matcher(r.body());
        assertThat(id.find() && verdict.find()).isTrue();
        acknowledged.add(new String[] {id.group(1), verdict.group(1)});
      }
    } finally {
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close of the store
      first.waitFor();
    }
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    int port2 = freePort();
    Process second = start(data, port2, tmp.resolve("second.log"));
    try {
      for (String[] ack : acknowledged) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(port2) + "/api/checks/" + ack[0]))
            .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("check " + ack[0] + " after kill -9").isEqualTo(200);
        Matcher verdict = VERDICT.matcher(r.body());
        assertThat(verdict.find()).isTrue();
        assertThat(verdict.group(1)).isEqualTo(ack[1]);
      }
      HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(base(port2) + "/api/checks?limit=1"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(list.body()).contains("\"numberMatched\":20");
    } finally {
      second.destroy();
      second.waitFor();
    }
  }
}
