package id.tapak.web.features;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running test server: real requests, real headers, no Spring test shortcuts. */
final class OgcTestClient {

  /** The test project: estates (7 polygons, e7 in Batam), roads (3 lines), ports (3 points, one in Jakarta). */
  static final String PROJECT = "tapak.project=src/test/resources/projects/ogc/tapak.yml";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  OgcTestClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  String base() {
    return base;
  }

  HttpResponse<String> get(String pathOrUrl, String... headers) {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a request line as given, unchecked: for targets {@link java.net.URI} refuses to build ({@code %zz}).
   *
   * @return the raw response, status line first
   */
  String raw(String method, String target) {
    String host = base.substring("http://".length());
    int colon = host.indexOf(':');
    try (java.net.Socket s = new java.net.Socket(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)))) {
      s.setSoTimeout(30_000);
      String req = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  static String contentType(HttpResponse<String> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  /** The href of the first link with this rel, or null. */
  static String link(JsonNode doc, String rel) {
    for (JsonNode l : doc.get("links")) {
      if (l.get("rel").asString().equals(rel)) {
        return l.get("href").asString();
      }
    }
    return null;
  }
}
