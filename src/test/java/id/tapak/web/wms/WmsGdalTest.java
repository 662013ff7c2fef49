package id.tapak.web.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.app.TapakApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real application on a random port with the WMS test project, read by GDAL's WMS driver as a real client
 * (gdalinfo lists the layers as subdatasets, gdal_translate writes a GeoTIFF whose pixels show the estates), and
 * the HTTP shape of exception reports. GDAL (Debian gdal-bin) is required: a missing GDAL fails the test.
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=src/test/resources/projects/wms/tapak.yml", "tapak.data-dir=target/wms-test-data"})
class WmsGdalTest {

  @LocalServerPort
  int port;

  private String base() {
    return "http://127.0.0.1:" + port + "/wms?SERVICE=WMS&VERSION=1.3.0";
  }

  private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("GDAL is required for this test (apt-get install gdal-bin): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "GDAL finished");
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    return out;
  }

  @Test
  void gdalinfoListsTheLayersAsSubdatasets(@TempDir Path dir) throws Exception {
    String out = run(dir, "gdalinfo", "WMS:" + base());
    assertTrue(out.contains("LAYERS=estates"), out);
    assertTrue(out.contains("LAYERS=plan"), out);
  }

  @Test
  void gdalTranslateWritesAGeoTiffWithTheEstatesDrawn(@TempDir Path dir) throws Exception {
    // lon 112.70–112.80, lat -7.35 – -7.30 (a 2:1 window), SIER Rungkut at lon 112.745–112.765, lat -7.335 – -7.320.
    // GDAL passes the BBOX of a WMS: URL through as is, so under WMS 1.3.0 + EPSG:4326 it must be lat,lon; GDAL's
    // georeferencing of the result is then lon/lat (checked below)
    String url = "WMS:" + base() + "&REQUEST=GetMap&LAYERS=estates&CRS=EPSG:4326&FORMAT=image/png"
        + "&BBOX=-7.35,112.70,-7.30,112.80";
    run(dir, "gdal_translate", "-q", "-of", "GTiff", "-outsize", "200", "100", url, "out.tif");
    assertTrue(Files.size(dir.resolve("out.tif")) > 0);
    String inside = run(dir, "gdallocationinfo", "-valonly", "-geoloc", "out.tif", "112.749", "-7.333");
    String outside = run(dir, "gdallocationinfo", "-valonly", "-geoloc", "out.tif", "112.71", "-7.345");
    List<Integer> in = ints(inside);
    List<Integer> out = ints(outside);
    assertTrue(in.size() >= 3, inside);
    assertTrue(in.get(0) > in.get(1) && in.get(2) > in.get(1), "estate purple in the GeoTIFF: " + in);
    assertTrue(!in.equals(out), "background differs from the estate: " + in + " vs " + out);
    String info = run(dir, "gdalinfo", "out.tif");
    assertTrue(info.contains("Origin = (112.70000") && info.contains(",-7.30000"), "georeferenced where asked: " + info);
  }

  private static List<Integer> ints(String s) {
    List<Integer> out = new ArrayList<>();
    Matcher m = Pattern.compile("-?\\d+").matcher(s);
    while (m.find()) {
      out.add(Integer.parseInt(m.group()));
    }
    return out;
  }

  @Test
  void exceptionsAreServiceExceptionReports() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base()
        + "&REQUEST=GetMap&LAYERS=estates&STYLES=&CRS=EPSG:99999&BBOX=-8,112,-7,113&WIDTH=10&HEIGHT=10"
        + "&FORMAT=image/png")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    assertTrue(r.body().contains("<ServiceException code=\"InvalidCRS\" locator=\"CRS\">"), r.body());
    HttpResponse<byte[]> img = http.send(HttpRequest.newBuilder(URI.create(base()
        + "&REQUEST=GetMap&LAYERS=nope&STYLES=&CRS=EPSG:4326&BBOX=-8,112,-7,113&WIDTH=10&HEIGHT=10"
        + "&FORMAT=image/png&EXCEPTIONS=INIMAGE")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<String> caps = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/wms?service=WMS&request=GetCapabilities")).header("Origin", "http://example.org").build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(caps.body().contains("<WMS_Capabilities"), "lower-case names and no VERSION: " + caps.body());
    assertEquals("*", caps.headers().firstValue("Access-Control-Allow-Origin").orElse("none"), "CORS open for GET");
  }
}
