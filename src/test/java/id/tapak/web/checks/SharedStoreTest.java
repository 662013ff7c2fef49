package id.tapak.web.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several stateless instances over one PostGIS database ({@code tapak.checks.store=postgis}), as real processes on
 * a PostgreSQL cluster of this test's own ({@code scripts/postgis} on a free port), so that the database can be
 * stopped and started under the service:
 * <ol>
 *   <li>a check made on instance A is read, listed and drawn (WMS {@code check_sites}) by instance B;</li>
 *   <li>A is killed with SIGKILL straight after the last 201 of a burst: B answers every acknowledged check;</li>
 *   <li>the database stops: B answers 503 problem+json with {@code Retry-After} and stores nothing; the database
 *       starts again: B stores and answers checks with no restart.</li>
 * </ol>
 */
@Tag("postgis")
class SharedStoreTest {

  static Path cluster;
  static int pgPort;

  @BeforeAll
  static void ownCluster() throws Exception {
    pgPort = ServiceProcess.freePort();
    Path parent = java.nio.file.Files.createTempDirectory("tapak-shared-pg");
    // the server runs as user postgres (scripts/postgis), which must be able to reach the cluster folder
    java.nio.file.Files.setPosixFilePermissions(parent,
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    cluster = parent.resolve("cluster");
    // scripts/postgis reads the port from the environment; ProcessBuilder inherits ours, so set it per call
    postgisEnv("start");
  }

  static void postgisEnv(String cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("scripts/postgis", cmd, cluster.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(cluster.resolveSibling("postgis.log").toFile()));
    pb.environment().put("TAPAK_PG_PORT", String.valueOf(pgPort));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("scripts/postgis " + cmd).isTrue();
    assertThat(p.exitValue()).as("scripts/postgis " + cmd + " (see " + cluster.resolveSibling("postgis.log")
        + "); PostgreSQL 15 + PostGIS must be installed (scripts/install-deps)").isZero();
  }

  @AfterAll
  static void dropCluster() throws Exception {
    if (cluster != null) {
      postgisEnv("stop");
    }
  }

  static String[] shared() {
    return new String[] {"--tapak.checks.store=postgis",
        "--tapak.database.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/gis?user=postgres",
        "--tapak.database.connect-timeout=1s"};
  }

  @Test
  void instancesShareChecksSurviveSigkillAndRideOutAnOutage(@TempDir Path tmp) throws Exception {
    ServiceProcess a = ServiceProcess.start(tmp.resolve("a.log"), withDataDir(tmp.resolve("a"), shared()));
    // B names the database the standard Spring Boot way (spring.datasource.url): the same store
    String[] spring = {"--tapak.checks.store=postgis",
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/gis?user=postgres",
        "--tapak.database.connect-timeout=1s"};
    try (ServiceProcess b = ServiceProcess.start(tmp.resolve("b.log"), withDataDir(tmp.resolve("b"), spring))) {
      // 1. made on A, seen on B
      HttpResponse<String> made = a.postCheck(ServiceProcess.site(0));
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      String[] first = ServiceProcess.idAndVerdict(made.body());
      HttpResponse<String> read = b.get("/api/checks/" + first[0], "application/json");
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(ServiceProcess.idAndVerdict(read.body())[1]).isEqualTo(first[1]);
      assertThat(b.get("/api/checks?limit=5", "application/json").body()).contains("\"numberMatched\":1")
          .contains(first[0]);
      assertThat(sitePixels(b, first[0])).as("B draws the site A stored").isGreaterThan(100);

      // 2. a burst on A, SIGKILL straight after the last 201: B has every acknowledged check
      List<String[]> acknowledged = new ArrayList<>();
      try {
        for (int i = 1; i <= 20; i++) {
          HttpResponse<String> r = a.postCheck(ServiceProcess.site(i));
          assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
          acknowledged.add(ServiceProcess.idAndVerdict(r.body()));
        }
      } finally {
        a.kill();
      }
      for (String[] ack : acknowledged) {
        HttpResponse<String> r = b.get("/api/checks/" + ack[0], "application/json");
        assertThat(r.statusCode()).as("check " + ack[0] + " after kill -9 of A").isEqualTo(200);
        assertThat(ServiceProcess.idAndVerdict(r.body())[1]).isEqualTo(ack[1]);
      }
      assertThat(b.get("/api/checks?limit=1", "application/json").body()).contains("\"numberMatched\":21");

      // 3. the database goes away under B, and comes back
      postgisEnv("pause");
      HttpResponse<String> down = b.postCheck(ServiceProcess.site(30));
      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
          assertThat(t).startsWith("application/problem+json"));
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      assertThat(down.body()).contains("PostGIS check store").doesNotContain("127.0.0.1").doesNotContain("jdbc");
      assertThat(b.get("/api/checks?limit=1", "application/json").statusCode()).isEqualTo(503);
      postgisEnv("start");
      HttpResponse<String> back = null;
      for (int i = 0; i < 40; i++) { // Hikari reconnects on its own; no restart of B
        back = b.postCheck(ServiceProcess.site(31));
        if (back.statusCode() == 201) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
      // the refused check was not stored: 21 + the one after recovery
      assertThat(b.get("/api/checks?limit=1", "application/json").body()).contains("\"numberMatched\":22");
    } finally {
      a.close();
    }
  }

  private static String[] withDataDir(Path dir, String[] args) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = "--tapak.data-dir=" + dir;
    return out;
  }

  /** Non-transparent pixels of a 256² WMS map of one stored check's site, around it (CRS:84 lon,lat box). */
  private static int sitePixels(ServiceProcess s, String checkId) throws Exception {
    HttpResponse<byte[]> r = s.getBytes("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=check_sites&STYLES="
        + "&CRS=CRS:84&BBOX=112.59,-7.21,112.61,-7.19&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
        + "&CHECK_ID=" + checkId);
    assertThat(r.statusCode()).isEqualTo(200);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertThat(img).as("a PNG").isNotNull();
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) >>> 24) != 0) {
          n++;
        }
      }
    }
    return n;
  }
}
