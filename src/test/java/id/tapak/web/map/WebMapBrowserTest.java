package id.tapak.web.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.tapak.GdalCli;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web map at {@code /} in Debian's headless Chromium (driven by Selenium through Debian's chromedriver, named
 * explicitly so Selenium Manager downloads nothing) over the demo project: the page loads and draws Tapak's WMS,
 * a layer is switched on, a site is drawn with the mouse and its live area matches the server's geodesic hectares,
 * an API error shows beside its field, a fixture site is uploaded and its verdict and findings shown, a finding's
 * conflict is highlighted, the shared link reopens the check, English is a toggle away, and the PDF report
 * (rendered with pdftoppm, read with pdftotext) names the verdict, the hectares and every citation. Every resource
 * the browser loaded must be on the Tapak origin. Screenshots go to {@code target/webmap-test/}.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=layers/tapak.yml", "tapak.data-dir=target/webmap-test/data"})
class WebMapBrowserTest {

  static final Path OUT = Path.of("target/webmap-test");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/webmap/site-mojosari.geojson");
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** Indonesian hectares: grouped with dots, two decimals after a comma, e.g. "1.226,59 ha". */
  static final Pattern HA_ID = Pattern.compile("^(\\d{1,3}(?:\\.\\d{3})*),(\\d{2}) ha$");

  static ChromeDriver driver;
  static final Set<String> loaded = new LinkedHashSet<>();

  @LocalServerPort
  int port;

  @BeforeAll
  static void browser() throws Exception {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        fail(p + " is missing: the browser tests need Debian's chromium and chromium-driver (scripts/install-deps "
            + "installs them)");
      }
    }
    Files.createDirectories(OUT);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    // a dead proxy for every host but loopback (Chromium bypasses loopback by default): anything the page asked of
    // the internet would fail (and still show up in the resource list the test checks)
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1440,1000", "--hide-scrollbars", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--proxy-server=http://127.0.0.1:9", "--lang=id-ID");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits up to 60 s; the page re-renders panels while a condition reads them, so a stale element means "again". */
  WebDriverWait waiting() {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(60));
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Every resource URL this page loaded so far (Resource Timing), plus the page itself. */
  @SuppressWarnings("unchecked")
  void record() {
    loaded.add(driver.getCurrentUrl());
    loaded.addAll((List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"));
  }

  /** Waits until every image layer has finished loading (no pending WMS picture) and OpenLayers is idle. */
  void settle() throws InterruptedException {
    waiting().until(d -> "true".equals(js("return document.body.dataset.ready")));
    long stable = 0;
    int last = -1;
    for (int i = 0; i < 120 && stable < 3; i++) {
      Thread.sleep(250);
      int n = ((Number) js("return performance.getEntriesByType('resource').length")).intValue();
      stable = n == last ? stable + 1 : 0;
      last = n;
    }
  }

  void shot(String name) throws Exception {
    Path file = OUT.resolve(name);
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
        StandardCopyOption.REPLACE_EXISTING);
    BufferedImage img = ImageIO.read(file.toFile());
    assertTrue(img.getWidth() >= 700 && img.getHeight() >= 600, name + " " + img.getWidth() + "x" + img.getHeight());
  }

  static double parseHa(String text) {
    Matcher m = HA_ID.matcher(text.trim());
    assertTrue(m.matches(), "not Indonesian hectares: '" + text + "'");
    return Double.parseDouble(m.group(1).replace(".", "") + "." + m.group(2));
  }

  @SuppressWarnings("unchecked")
  List<String> wmsRequests() {
    return ((List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)")).stream()
        .filter(u -> u.contains("/wms?") && u.toUpperCase(Locale.ROOT).contains("REQUEST=GETMAP")).toList();
  }

  @Test
  void planner() throws Exception {
    // 1. the page: Indonesian, OpenLayers viewport, WMS pictures and legends from Tapak
    driver.get(base() + "/");
    settle();
    assertEquals("id", js("return document.documentElement.lang"));
    assertTrue(!driver.findElements(By.cssSelector(".ol-viewport")).isEmpty(), "no OpenLayers viewport");
    assertTrue(wmsRequests().stream().anyMatch(u -> u.contains("LAYERS=rtrw_pola_ruang")), wmsRequests().toString());
    assertTrue(driver.findElement(By.cssSelector(".layer[data-layer=lp2b] .badge")).getText().contains("skematik"));
    assertTrue((Boolean) js("return [...document.querySelectorAll('img.legend')].some(i => i.complete && i.naturalWidth > 0)"),
        "no legend image from GetLegendGraphic loaded");
    shot("01-layers.png");
    record();

    // 2. switch a layer on: the page asks the WMS for it
    assertTrue(wmsRequests().stream().noneMatch(u -> u.contains("LAYERS=settlements&")));
    driver.findElement(By.id("lyr-settlements")).click();
    waiting().until(d -> wmsRequests().stream().anyMatch(u -> u.contains("LAYERS=settlements&")));

    // 3. search: a kecamatan by name zooms the map there
    double zoomBefore = ((Number) js("return tapak.map.getView().getZoom()")).doubleValue();
    WebElement search = driver.findElement(By.id("search"));
    waiting().until(d -> !((List<?>) js("return [...document.querySelectorAll('#region option')]")).isEmpty()
        && ((Number) js("return document.querySelectorAll('#region option').length")).intValue() > 1);
    search.sendKeys("Mojosari");
    waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
    assertTrue(driver.findElement(By.cssSelector("#search-results li")).getText().contains("Mojosari"));
    search.sendKeys(org.openqa.selenium.Keys.ENTER);
    settle();
    double zoomAfter = ((Number) js("return tapak.map.getView().getZoom()")).doubleValue();
    assertTrue(zoomAfter > zoomBefore + 1, "search did not zoom in: " + zoomBefore + " -> " + zoomAfter);

    // 4. draw a site with the mouse: live hectares in Indonesian format, equal to the server's geodesic figure
    driver.findElement(By.id("tab-propose")).click();
    driver.findElement(By.id("draw")).click();
    WebElement map = driver.findElement(By.id("map"));
    int[][] pts = {{-120, -80}, {110, -90}, {130, 70}, {-100, 90}};
    Actions a = new Actions(driver);
    for (int[] p : pts) {
      a.moveToElement(map, p[0], p[1]).click();
    }
    a.moveToElement(map, pts[0][0], pts[0][1]).click().perform();
    waiting().until(d -> HA_ID.matcher(d.findElement(By.id("area")).getText()).matches());
    double drawnHa = parseHa(driver.findElement(By.id("area")).getText());
    assertTrue(drawnHa > 1, "drawn " + drawnHa);
    driver.findElement(By.id("f-name")).sendKeys("Tapak digambar");
    driver.findElement(By.id("f-ikm")).sendKeys("abc");
    // without a token the API answers 401: the page says so beside the token field, in Indonesian first
    driver.findElement(By.id("run")).click();
    waiting().until(d -> !d.findElement(By.id("err-token")).getText().isBlank());
    assertTrue(driver.findElement(By.id("err-token")).getText().contains("401"),
        driver.findElement(By.id("err-token")).getText());
    assertEquals("true", driver.findElement(By.id("f-token")).getAttribute("aria-invalid"));
    driver.findElement(By.id("f-token")).sendKeys(id.tapak.TestTokens.PLANNER);
    driver.findElement(By.id("run")).click();
    // 5. the API's problem+json names properties.ikm_ha: the message stands beside that field
    waiting().until(d -> !d.findElement(By.id("err-ikm_ha")).getText().isBlank());
    assertEquals("true", driver.findElement(By.id("f-ikm")).getAttribute("aria-invalid"));
    driver.findElement(By.id("f-ikm")).clear();
    driver.findElement(By.id("f-ikm")).sendKeys("1,5");
    driver.findElement(By.id("run")).click();
    waiting().until(d -> !d.findElements(By.id("verdict")).isEmpty());
    double serverHa = parseHa(driver.findElement(By.id("site-ha")).getText());
    assertEquals(serverHa, drawnHa, Math.max(0.011, serverHa * 0.002), "page vs GeographicLib hectares");
    record();

    // 6. upload the fixture site with the request form: verdict, findings, not assessed, conflict highlight
    driver.findElement(By.id("tab-propose")).click();
    driver.findElement(By.id("clear")).click();
    driver.findElement(By.id("file")).sendKeys(FIXTURE.toAbsolutePath().toString());
    WebElement name = driver.findElement(By.id("f-name"));
    name.clear();
    name.sendKeys("KI Contoh Mojosari");
    for (String[] f : new String[][] {{"f-plot", "150"}, {"f-ikm", "4"}, {"f-green", "25"}, {"f-road", "20"}}) {
      driver.findElement(By.id(f[0])).clear();
      driver.findElement(By.id(f[0])).sendKeys(f[1]);
    }
    String before = driver.findElement(By.id("verdict")).getAttribute("data-verdict");
    driver.findElement(By.id("run")).click();
    waiting().until(d -> d.getCurrentUrl().contains("check=") && "NOT_CONFORM".equals(
        d.findElement(By.id("verdict")).getAttribute("data-verdict"))
        && d.findElement(By.cssSelector("#verdict .meta")).getText().contains("Mojosari"));
    assertTrue(before != null);
    String checkId = driver.getCurrentUrl().replaceAll(".*check=([A-Za-z0-9_-]+).*", "$1");
    JsonNode report = JSON.readTree(get("/api/checks/" + checkId).body());
    assertEquals("Tidak sesuai", driver.findElement(By.cssSelector("#verdict .value")).getText());
    List<WebElement> rows = driver.findElements(By.cssSelector("#findings tbody tr"));
    assertEquals(report.path("findings").size(), rows.size());
    for (JsonNode f : report.path("findings")) {
      WebElement row = driver.findElement(By.cssSelector("#findings tr[data-rule='" + f.path("rule").asString() + "']"));
      assertEquals(f.path("status").asString(), row.getAttribute("data-status"));
      assertTrue(row.getText().replaceAll("\\s+", " ").contains(f.path("citation").asString().replaceAll("\\s+", " ")),
          "citation of " + f.path("rule").asString() + " missing: " + row.getText());
    }
    assertEquals("FAIL", driver.findElement(By.cssSelector("#findings tr[data-rule='lp2b-overlap']")).getAttribute("data-status"));
    assertTrue(!driver.findElement(By.id("not-assessed")).getText().isBlank());
    driver.findElement(By.cssSelector("#findings button[data-rule='lp2b-overlap']")).click();
    waiting().until(d -> d.findElement(By.cssSelector("#findings tr[data-rule='lp2b-overlap']")).getAttribute("class").contains("sel"));
    settle();
    // the text equivalent of the map names the verdict and the conflicts
    String summary = (String) js("return document.getElementById('map-summary').textContent");
    assertTrue(summary.contains("Tidak sesuai") && summary.contains(" ha"), summary);
    driver.findElement(By.cssSelector("#findings button[data-rule='kpi-allocation']")).click();
    waiting().until(d -> d.findElement(By.cssSelector("#findings tr[data-rule='kpi-allocation']")).getAttribute("class").contains("sel"));
    // the picture for the docs: the whole site with the KPI conflict highlighted, the verdict at the top of the pane
    js("document.getElementById('pane-result').scrollTop = 0;"
        + "const s = tapak.state.report.site; const f = new ol.format.GeoJSON();"
        + "tapak.map.getView().fit(f.readGeometry(s, {dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857'}).getExtent(),"
        + "{padding: [190, 250, 190, 250]});");
    settle();
    shot("02-result.png");
    record();

    // 7. the shared link opens the same check in a fresh page; English is one click away
    String share = driver.findElement(By.id("share-link")).getAttribute("href");
    assertEquals(base() + "/?check=" + checkId, share);
    driver.get(share);
    settle();
    waiting().until(d -> !d.findElements(By.id("verdict")).isEmpty());
    assertEquals("NOT_CONFORM", driver.findElement(By.id("verdict")).getAttribute("data-verdict"));
    assertEquals(report.path("findings").size(), driver.findElements(By.cssSelector("#findings tbody tr")).size());
    record();
    driver.get(base() + "/checks/" + checkId);
    settle();
    waiting().until(d -> !d.findElements(By.id("verdict")).isEmpty());
    assertEquals("NOT_CONFORM", driver.findElement(By.id("verdict")).getAttribute("data-verdict"));
    driver.findElement(By.id("lang-en")).click();
    assertEquals("en", js("return document.documentElement.lang"));
    assertEquals("Not conform", driver.findElement(By.cssSelector("#verdict .value")).getText());
    driver.findElement(By.id("lang-id")).click();
    driver.findElement(By.id("tab-history")).click();
    waiting().until(d -> !d.findElements(By.cssSelector("#history button[data-check='" + checkId + "']")).isEmpty());
    // a tablet in portrait: the map on top, the panel below it
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
    waiting().until(d -> ((Number) js("return document.querySelector('.panel').getBoundingClientRect().top")).doubleValue()
        >= ((Number) js("return document.querySelector('.mapwrap').getBoundingClientRect().bottom")).doubleValue() - 1);
    settle();
    shot("03-tablet.png");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
    // keyboard: the tabs are a roving tab list
    driver.findElement(By.id("tab-history")).sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
    assertEquals("true", driver.findElement(By.id("tab-result")).getAttribute("aria-selected"));

    // 8. the PDF the page links to: verdict, Indonesian hectares, every citation; pdftoppm renders it
    String pdfHref = driver.findElement(By.id("dl-pdf")).getAttribute("href");
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfHref)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    Path pdfFile = OUT.resolve("report-id.pdf");
    Files.write(pdfFile, pdf.body());
    GdalCli.Run text = tool("pdftotext", "-enc", "UTF-8", pdfFile.toString(), "-");
    String compact = text.out().replaceAll("\\s+", "");
    assertTrue(text.out().contains("TIDAK SESUAI"), text.out());
    String ha = String.format(Locale.ROOT, "%.2f", report.path("siteHa").asDouble()).replace('.', ',');
    assertTrue(text.out().contains(ha + " ha"), "no " + ha + " ha in the PDF");
    for (JsonNode f : report.path("findings")) {
      String cite = f.path("citation").asString().replace("≥", ">=").replace("≤", "<=").replaceAll("\\s+", "");
      assertTrue(compact.contains(cite), "PDF lacks the citation of " + f.path("rule").asString() + ": " + cite);
    }
    assertTrue(text.out().contains("KKPR"), "no KKPR disclaimer");
    tool("pdftoppm", "-png", "-r", "60", pdfFile.toString(), OUT.resolve("report-page").toString());
    File[] pages = OUT.toFile().listFiles((dir, n) -> n.startsWith("report-page") && n.endsWith(".png"));
    assertTrue(pages != null && pages.length >= 2, "pdftoppm pages: " + (pages == null ? 0 : pages.length));
    BufferedImage page1 = ImageIO.read(java.util.Arrays.stream(pages).sorted().findFirst().orElseThrow());
    assertTrue(distinctColours(page1) > 50, "page 1 looks blank");

    // 9. nothing came from the internet
    List<String> foreign = new ArrayList<>();
    for (String u : loaded) {
      if (!(u.startsWith(base() + "/") || u.startsWith("data:") || u.startsWith("blob:"))) {
        foreign.add(u);
      }
    }
    assertTrue(loaded.size() > 20, "too few resources recorded: " + loaded.size());
    assertTrue(foreign.isEmpty(), "loaded from outside Tapak: " + foreign);
  }

  /**
   * The corridor view: the Koridor tab lists the corridors (computed on first request, so the page says
   * "Menghitung…" meanwhile); choosing Gerbang Kertosusila with the keyboard draws its WMS grid and candidates and
   * fills the indicator table with the seven members exactly as {@code GET /api/corridors/gerbang-kertosusila} gives
   * them, in Indonesian number format, and the ranked candidate sites, each linking to its full report.
   */
  @Test
  void corridors() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
    driver.get(base() + "/");
    settle();
    WebElement tab = driver.findElement(By.id("tab-corridors"));
    tab.click();
    assertEquals("true", tab.getAttribute("aria-selected"));
    WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(120));
    slow.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    By gk = By.cssSelector("#corridor-list button[data-corridor='gerbang-kertosusila']");
    slow.until(d -> !d.findElements(gk).isEmpty());
    assertEquals(3, driver.findElements(By.cssSelector("#corridor-list button[data-corridor]")).size());
    // keyboard: the corridor is a native button, chosen with Enter
    driver.findElement(gk).sendKeys(org.openqa.selenium.Keys.ENTER);
    slow.until(d -> d.findElements(By.cssSelector("#corridor-table tbody tr[data-code]")).size() == 7);
    // the panel is drawn again when the candidate sites arrive (app.js selectCorridor): read the indicator table only
    // after that last render, or its rows go stale under the test
    slow.until(d -> !d.findElements(By.cssSelector("#corridor #candidates, #corridor p.error")).isEmpty());
    assertEquals("true", driver.findElement(gk).getAttribute("aria-pressed"));

    JsonNode c = JSON.readTree(get("/api/corridors/gerbang-kertosusila").body());
    assertEquals(7, c.path("members").size());
    List<String> codes = driver.findElements(By.cssSelector("#corridor-table tbody tr[data-code]")).stream()
        .map(r -> r.getAttribute("data-code")).toList();
    List<String> expected = new ArrayList<>();
    c.path("members").forEach(m -> expected.add(m.path("code").asString()));
    assertEquals(expected, codes);
    for (JsonNode m : c.path("members")) {
      String code = m.path("code").asString();
      assertIndicators(driver.findElement(By.cssSelector("#corridor-table tr[data-code='" + code + "']")),
          driver.findElement(By.cssSelector("#corridor-table tr[data-detail='" + code + "']")), m);
    }
    assertIndicators(driver.findElement(By.cssSelector("#corridor-table tfoot tr")),
        driver.findElement(By.cssSelector("#corridor-table tfoot tr[data-detail=corridor]")), c.path("indicators"));
    // Surabaya's plan gap is a note under its row: what the figures do not cover is said, not hidden
    WebElement sby = driver.findElement(By.cssSelector("#corridor-table tr[data-detail='35.78']"));
    assertEquals(c.path("members").get(4).path("notes").size(), sby.findElements(By.cssSelector("ul.cnotes li")).size());
    assertTrue(sby.getText().contains(c.path("members").get(4).path("notes").get(0).path("id").asString()), sby.getText());
    // source and confidence of the membership, the CSV download
    assertEquals(c.path("source").asString(), driver.findElement(By.id("corridor-source")).getText());
    assertEquals("Sumber sekunder", driver.findElement(By.id("corridor-confidence")).getText());
    String csvHref = driver.findElement(By.id("corridor-csv")).getAttribute("href");
    assertEquals(base() + "/api/corridors/gerbang-kertosusila?f=csv", csvHref);
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvHref)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, csv.statusCode());
    assertEquals(9, csv.body().split("\r\n").length, "header + corridor + 7 members");
    // the WMS grid and candidates are on the map, with their legends
    waiting().until(d -> wmsRequests().stream().anyMatch(u -> u.contains("LAYERS=kesesuaian_gerbang_kertosusila&")));
    waiting().until(d -> wmsRequests().stream().anyMatch(u -> u.contains("LAYERS=kandidat_gerbang_kertosusila&")));
    waiting().until(d -> (Boolean) js("return [...document.querySelectorAll('#corridor .legends img')]"
        + ".every(i => i.complete && i.naturalWidth > 0)"));

    // the ranked candidate sites, as /candidates gives them; rank 1 links to its full report and zooms the map
    slow.until(d -> !d.findElements(By.cssSelector("#candidates tbody tr")).isEmpty());
    JsonNode cands = JSON.readTree(get("/api/corridors/gerbang-kertosusila/candidates").body()).path("features");
    List<WebElement> crow = driver.findElements(By.cssSelector("#candidates tbody tr"));
    assertEquals(cands.size(), crow.size());
    for (JsonNode f : cands) {
      JsonNode p = f.path("properties");
      WebElement r = driver.findElement(By.cssSelector("#candidates tr[data-rank='" + p.path("rank").asInt() + "']"));
      List<WebElement> td = r.findElements(By.tagName("td"));
      assertEquals("#" + p.path("rank").asInt(), td.get(0).getText());
      assertEquals(haId(p.path("area_ha").asDouble()), td.get(1).getText());
      assertEquals(nfId(p.path("mean_score").asDouble(), 1), td.get(2).getText());
      assertEquals(verdictId(p.path("location_verdict").asString()), td.get(3).getText());
    }
    WebElement link = driver.findElement(By.cssSelector("#candidates tr[data-rank='1'] a.report-link"));
    assertEquals(base() + "/api/corridors/gerbang-kertosusila/candidates/1", link.getAttribute("href"));
    assertEquals(200, get("/api/corridors/gerbang-kertosusila/candidates/1").statusCode());
    settle();
    double zoomBefore = ((Number) js("return tapak.map.getView().getZoom()")).doubleValue();
    driver.findElement(By.cssSelector("#candidates button[data-rank='1']")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(d -> d.findElement(By.cssSelector("#candidates tr[data-rank='1']")).getAttribute("class").contains("sel"));
    settle();
    double zoomAfter = ((Number) js("return tapak.map.getView().getZoom()")).doubleValue();
    assertTrue(zoomAfter > zoomBefore + 1, "candidate did not zoom in: " + zoomBefore + " -> " + zoomAfter);
    // the text equivalent of the map names the corridor, its figures and every candidate
    String summary = (String) js("return document.getElementById('map-summary').textContent");
    assertTrue(summary.contains("Gerbang Kertosusila") && summary.contains(haId(c.path("indicators").path("kpiHa").asDouble()))
        && summary.contains("#" + cands.size() + " "), summary);

    // the picture for the docs: the whole corridor with its grid and candidates beside the table
    // (the plan switched off so the grid reads clearly; the map on the candidate sites, the pane from its top)
    driver.findElement(By.id("tab-layers")).click();
    driver.findElement(By.id("lyr-rtrw_pola_ruang")).click();
    driver.findElement(By.id("tab-corridors")).click();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1300));
    js("const fs = new ol.format.GeoJSON().readFeatures(tapak.state.corr.cands, {featureProjection: 'EPSG:3857'});"
        + "tapak.map.getView().fit(fs.map(f => f.getGeometry().getExtent()).reduce(ol.extent.extend, ol.extent.createEmpty()),"
        + " {padding: [60, 60, 60, 60]});"
        + "document.getElementById('pane-corridors').scrollTop = 0;");
    settle();
    shot("04-corridors.png");
    Files.createDirectories(Path.of("docs/img"));
    Files.copy(OUT.resolve("04-corridors.png"), Path.of("docs/img/corridors.png"), StandardCopyOption.REPLACE_EXISTING);

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
    // English, and a tablet in portrait: the table fits the panel's width
    driver.findElement(By.id("lang-en")).click();
    assertEquals("Free KPI", js("return document.querySelector('#corridor-table thead th:last-child').textContent"));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
    waiting().until(d -> ((Number) js("return document.querySelector('.panel').getBoundingClientRect().top")).doubleValue()
        >= ((Number) js("return document.querySelector('.mapwrap').getBoundingClientRect().bottom")).doubleValue() - 1);
    assertTrue((Boolean) js("const p = document.getElementById('pane-corridors');"
        + "return document.getElementById('corridor-table').getBoundingClientRect().right <= p.getBoundingClientRect().right + 1"),
        "the indicator table is wider than the tablet's panel");
    settle();
    shot("05-corridors-tablet.png");
    driver.findElement(By.id("lang-id")).click();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
  }

  /** A row of the indicator table holds the figures of one region as the page formats them. */
  static void assertIndicators(WebElement row, WebElement detail, JsonNode i) {
    String[][] cells = {{"kpiHa", "kpiHa"}, {"operatingEstateHa", "operatingEstateHa"}, {"plannedEstateHa", "plannedEstateHa"}};
    for (String[] k : cells) {
      assertEquals(haId(i.path(k[1]).asDouble()), row.findElement(By.cssSelector("[data-k=" + k[0] + "]")).getText(), k[0]);
    }
    JsonNode free = i.path("freeKpi");
    assertEquals(haId(free.path("ha").asDouble()), row.findElement(By.cssSelector("[data-k=freeKpiHa]")).getText());
    assertEquals(haId(free.path("assessedHa").asDouble()), row.findElement(By.cssSelector("[data-k=freeAssessedHa]")).getText());
    assertEquals(haId(free.path("unassessedHa").asDouble()), row.findElement(By.cssSelector("[data-k=freeUnassessedHa]")).getText());
    assertEquals(i.path("access").size(), detail.findElements(By.cssSelector("ul.access li")).size());
    for (JsonNode a : i.path("access")) {
      WebElement li = detail.findElement(By.cssSelector("ul.access li[data-rule='" + a.path("rule").asString() + "']"));
      // a lower bound reads "≥ 23,4 %"
      String share = (a.path("lowerBound").asBoolean() ? "≥ " : "")
          + (a.path("sharePct").isNull() ? "—" : nfId(a.path("sharePct").asDouble(), 1) + " %");
      assertTrue(li.getText().endsWith(": " + share), li.getText() + " lacks " + share);
    }
    assertEquals(i.path("notes").size(), detail.findElements(By.cssSelector("ul.cnotes li")).size());
    if (row.getAttribute("data-code") != null) {
      // each operating estate of the kabupaten/kota with the verdict of its check
      List<WebElement> es = detail.findElements(By.cssSelector("ul.estates li"));
      assertEquals(i.path("estates").size(), es.size());
      for (int k = 0; k < es.size(); k++) {
        assertEquals(i.path("estates").get(k).path("verdict").asString(), es.get(k).getAttribute("data-verdict"));
        assertTrue(es.get(k).getText().startsWith(i.path("estates").get(k).path("name").asString() + ": "), es.get(k).getText());
      }
    }
  }

  /**
   * The page's Indonesian number format: dots group thousands, a comma before the decimals. Chromium's Intl rounds
   * the number's shortest decimal form half away from zero (24.45 gives 24,5), so this rounds {@code
   * BigDecimal.valueOf}, not the binary value.
   */
  static String nfId(double v, int decimals) {
    java.text.DecimalFormat f = (java.text.DecimalFormat) java.text.NumberFormat.getNumberInstance(Locale.forLanguageTag("id-ID"));
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return f.format(java.math.BigDecimal.valueOf(v));
  }

  /** The page's hectares: two decimals, four below 0,01 ha (so a sliver does not read as zero). */
  static String haId(double v) {
    return nfId(v, v != 0 && Math.abs(v) < 0.01 ? 4 : 2) + " ha";
  }

  String verdictId(String code) throws Exception {
    return JSON.readTree(get("/api/report-labels").body()).path("verdict").path(code).path("id").asString();
  }

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  static GdalCli.Run tool(String... cmd) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin", cmd[0]))) {
      fail(cmd[0] + " is missing: install poppler-utils (scripts/install-deps does)");
    }
    GdalCli.Run r = GdalCli.run(cmd);
    assertEquals(0, r.exit(), cmd[0] + ": " + r.err());
    return r;
  }

  static int distinctColours(BufferedImage img) {
    Set<Integer> c = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        c.add(img.getRGB(x, y));
      }
    }
    return c.size();
  }
}
