package id.tapak.web.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service processes over one live PostGIS layer, on a cluster of this test's own ({@code scripts/postgis} on a
 * free port) so the database can be stopped and started under them: the West Java RTRW imported with
 * {@code scripts/import}; a row inserted with SQL appears in both instances' items; with the database stopped the
 * layer's items answer 503 problem+json with {@code Retry-After}, its WMS maps a ServiceExceptionReport, a check
 * 201 with the KPI rule NOT_ASSESSED (never CONFORM), {@code /api/layers} marks the layer unavailable;
 * with the database started again the same processes serve the layer and check as before.
 */
@Tag("postgis")
class LiveLayerServiceTest {

  static final Pattern NUMBER_MATCHED = Pattern.compile("\"numberMatched\"\\s*:\\s*(\\d+)");
  static Path cluster;
  static int pgPort;

  @BeforeAll
  static void ownCluster() throws Exception {
    pgPort = ServiceProcess.freePort();
    Path parent = Files.createTempDirectory("tapak-live-pg");
    Files.setPosixFilePermissions(parent, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    cluster = parent.resolve("cluster");
    run("scripts/postgis", "start", cluster.toString());
  }

  @AfterAll
  static void dropCluster() throws Exception {
    if (cluster != null) {
      run("scripts/postgis", "stop", cluster.toString());
    }
  }

  static String run(String... cmd) throws Exception {
    Path log = cluster.resolveSibling("commands.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("TAPAK_PG_PORT", String.valueOf(pgPort));
    pb.environment().remove("TAPAK_IMPORT_PG");
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + " (see " + log + "); PostgreSQL 15 + PostGIS and gdal-bin "
        + "must be installed (scripts/install-deps)").isZero();
    return Files.readString(log);
  }

  static String url() {
    return "jdbc:postgresql://127.0.0.1:" + pgPort + "/gis?user=postgres";
  }

  static int items(ServiceProcess s) throws Exception {
    HttpResponse<String> r = s.get("/ogc/collections/rtrw_jabar/items?limit=1", "application/geo+json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Matcher m = NUMBER_MATCHED.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** A check on a site inside KPI of the West Java RTRW (JabarRtrwKpiTest's first site). */
  static final String SITE = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"live\","
      + "\"industrial_plot_ha\":20,\"ikm_ha\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],"
      + "[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", 107.4553, -6.4656, 107.4603, -6.4656, 107.4603, -6.4606, 107.4553,
      -6.4606, 107.4553, -6.4656);

  @Test
  void twoInstancesSeeAnEditAndRideOutAnOutage(@TempDir Path tmp) throws Exception {
    run("scripts/import", "../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_per_kabkota_subset.gpkg", "--layer",
        "rtrw_jabar", "--role", "spatial-plan");
    Path project = tmp.resolve("tapak.yml");
    Files.writeString(project, "project:\n  id: live-test\n  title: {id: Uji langsung, en: Live test}\n"
        + "rulebook: " + Path.of("layers/rules/pp20-2024.yml").toAbsolutePath() + "\nlayers:\n"
        + "  - id: rtrw_jabar\n    title: {id: RTRWP, en: RTRWP}\n    role: spatial-plan\n"
        + "    source: {type: postgis, path: '" + url() + "', layer: public.rtrw_jabar}\n"
        + "    fields: {name: NAMOBJ, planClass: NAMOBJ}\n", StandardCharsets.UTF_8);
    ServiceProcess a = ServiceProcess.start(tmp.resolve("a.log"), project, "--tapak.data-dir=" + tmp.resolve("a"));
    ServiceProcess b = ServiceProcess.start(tmp.resolve("b.log"), project, "--tapak.data-dir=" + tmp.resolve("b"));
    try {
      assertThat(items(a)).isEqualTo(33);
      assertThat(items(b)).isEqualTo(33);
      HttpResponse<String> before = a.postCheck(SITE);
      assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
      String verdict = ServiceProcess.idAndVerdict(before.body())[1];

      // 1. an edit with SQL is seen by both instances, no restart
      try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
        st.execute("INSERT INTO public.rtrw_jabar SELECT * FROM public.rtrw_jabar WHERE fid = 1");
      } catch (java.sql.SQLException dup) {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
          st.execute("INSERT INTO public.rtrw_jabar (\"NAMOBJ\", geom) SELECT \"NAMOBJ\", geom FROM "
              + "public.rtrw_jabar WHERE fid = 1");
        }
      }
      for (ServiceProcess s : List.of(a, b)) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (items(s) != 34) {
          assertThat(System.nanoTime()).as("the inserted row within 30 s on port " + s.port).isLessThan(deadline);
          Thread.sleep(200);
        }
      }

      // 2. the database stops under both
      run("scripts/postgis", "pause", cluster.toString());
      HttpResponse<String> down = a.get("/ogc/collections/rtrw_jabar/items?limit=5", "application/geo+json");
      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
          assertThat(t).startsWith("application/problem+json"));
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      assertThat(down.body()).contains("rtrw_jabar").doesNotContain("jdbc").doesNotContain("127.0.0.1");
      assertThat(a.get("/ogc/collections/rtrw_jabar", "application/json").statusCode()).isEqualTo(503);
      HttpResponse<String> map = a.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=rtrw_jabar&STYLES="
          + "&CRS=CRS:84&BBOX=107.3,-6.8,107.6,-6.3&WIDTH=256&HEIGHT=256&FORMAT=image/png", "*/*");
      assertThat(map.statusCode()).isEqualTo(503);
      assertThat(map.body()).contains("ServiceExceptionReport").contains("rtrw_jabar");
      HttpResponse<String> info = a.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=rtrw_jabar"
          + "&QUERY_LAYERS=rtrw_jabar&STYLES=&CRS=CRS:84&BBOX=107.3,-6.8,107.6,-6.3&WIDTH=256&HEIGHT=256"
          + "&FORMAT=image/png&INFO_FORMAT=application/json&I=128&J=128", "*/*");
      assertThat(info.body()).contains("ServiceExceptionReport");
      HttpResponse<String> check = b.postCheck(SITE);
      assertThat(check.statusCode()).as(check.body()).isEqualTo(201);
      // the site fails a rule that needs no layer (so NOT_CONFORM before); the plan's rules cannot be assessed
      assertThat(ServiceProcess.idAndVerdict(check.body())[1]).isNotEqualTo("CONFORM")
          .isIn("INCOMPLETE", "NOT_CONFORM");
      assertThat(check.body()).containsPattern(
          "\"rule\":\"kpi-allocation\",\"title\":\\{[^}]*},\"status\":\"NOT_ASSESSED\"");
      assertThat(check.body()).contains("NOT_ASSESSED").contains("tidak tersedia").contains("is unavailable");
      assertThat(b.get("/api/layers", "application/json").body()).contains("\"available\":false");
      assertThat(b.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", "*/*").statusCode())
          .as("the capabilities still list every layer").isEqualTo(200);

      // 3. the database is back: the same processes recover
      run("scripts/postgis", "start", cluster.toString());
      for (ServiceProcess s : List.of(a, b)) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (s.get("/ogc/collections/rtrw_jabar/items?limit=1", "application/geo+json").statusCode() != 200) {
          assertThat(System.nanoTime()).as("recovery within 60 s on port " + s.port).isLessThan(deadline);
          Thread.sleep(250);
        }
        assertThat(items(s)).isEqualTo(34);
      }
      HttpResponse<String> after = b.postCheck(SITE);
      assertThat(after.statusCode()).isEqualTo(201);
      assertThat(ServiceProcess.idAndVerdict(after.body())[1]).isEqualTo(verdict);
      assertThat(b.get("/api/layers", "application/json").body()).contains("\"available\":true");
    } finally {
      a.close();
      b.close();
    }
  }
}
