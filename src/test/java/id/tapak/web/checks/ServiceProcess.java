package id.tapak.web.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real service as its own JVM process on the demo project (the test classpath, {@code id.tapak.TapakMain}), for
 * tests that must kill it with SIGKILL or run two of them. Started on a free port; {@link #kill} is SIGKILL. Started
 * from the ahead-of-time bean definitions ({@code -Dspring.aot.enabled=true}, generated into target/classes before
 * the tests), as scripts/run starts it; the {@code @SpringBootTest} tests cover the reflective start of
 * {@code java -jar}.
 */
final class ServiceProcess implements AutoCloseable {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern VERDICT = Pattern.compile("\"verdict\"\\s*:\\s*\"([A-Z_]+)\"");

  final Process process;
  final int port;
  final Path log;

  private ServiceProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the service with extra {@code --key=value} arguments and waits (≤ 120 s) until it answers. */
  static ServiceProcess start(Path log, String... args) throws Exception {
    return start(log, Path.of("layers/tapak.yml"), args);
  }

  /** Starts the service on another project file. */
  static ServiceProcess start(Path log, Path project, String... args) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-Xmx512m",
        "-Dspring.aot.enabled=true", "-cp",
        System.getProperty("java.class.path"), "id.tapak.TapakMain", "--server.port=" + port,
        "--tapak.project=" + project));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServiceProcess s = new ServiceProcess(p, port, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("service process exited; see " + log).isTrue();
      try {
        if (s.get("/api/layers", "application/json").statusCode() == 200) {
          return s;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    p.destroyForcibly();
    throw new AssertionError("service did not start within 120 s; see " + log);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> postCheck(String geojson) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/checks"))
        .header("Content-Type", "application/geo+json").header("Authorization", id.tapak.TestTokens.planner())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(geojson)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGKILL on Linux: no shutdown hooks, no close of the store. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  /** A ~60 ha square around a point of the demo (Gresik); its verdict does not matter, its storage does. */
  static String site(int i) {
    double x = 112.60 + i * 0.002;
    double y = -7.20;
    double h = 0.0035;
    return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"durable %d\","
        + "\"industrial_plot_ha\":40,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],"
        + "[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", i, x - h, y - h, x + h, y - h, x + h, y + h, x - h, y + h, x - h,
        y - h);
  }

  /** The id and verdict of a 201 answer. */
  static String[] idAndVerdict(String body) {
    Matcher id = ID.matcher(body);
    Matcher verdict = VERDICT.matcher(body);
    assertThat(id.find() && verdict.find()).as(body).isTrue();
    return new String[] {id.group(1), verdict.group(1)};
  }
}
