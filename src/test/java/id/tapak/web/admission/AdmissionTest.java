package id.tapak.web.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Admission control over raw sockets against the real Tomcat, with small limits so the cases are quick: a body
 * trickling in is cut (408 or closed) while other requests are served; an oversized body is refused from its
 * Content-Length before it is sent (413), and a chunked one as its count passes the limit; one address gets at most
 * {@code per-client} requests at once (429); checks beyond their slot and queue get 503 with Retry-After. The time
 * bounds are loose ceilings that say "cut, not held", not measurements.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=src/test/resources/fixtures/rules/tapak.yml", "tapak.data-dir=target/admission-test",
        "tapak.admission.max-body=64KB", "tapak.admission.body-grace=1s", "tapak.admission.body-min-rate=1KB",
        "tapak.admission.per-client=4", "tapak.admission.checks=1", "tapak.admission.queue=0",
        "tapak.admission.queue-wait=200ms", "tapak.admission.renders=8"})
class AdmissionTest {

  @LocalServerPort
  int port;

  /** A POST whose headers promise {@code length} bytes, of which only the first byte is sent. */
  Socket slowPost(String path, long length, boolean token) throws IOException {
    return slowPost(path, length, token, "application/json");
  }

  Socket slowPost(String path, long length, boolean token, String type) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(20_000);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n"
        + (token ? "Authorization: " + TestTokens.planner() + "\r\n" : "") + "Content-Length: " + length + "\r\n\r\n{";
    s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Sends a space every 300 ms until the server answers or closes; returns the status (0 = closed, no answer). */
  static int trickleUntilCut(Socket s, long maxMillis) throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + maxMillis;
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    while (System.currentTimeMillis() < end) {
      try {
        if (in.available() > 0) {
          return status(in);
        }
        out.write(' ');
        out.flush();
      } catch (IOException closed) {
        return 0;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the slow body was still being read after " + maxMillis + " ms");
  }

  static int status(InputStream in) throws IOException {
    byte[] b = new byte[12];
    int n = 0;
    try {
      while (n < 12) {
        int r = in.read(b, n, 12 - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      return 0;
    }
    String line = new String(b, 0, n, StandardCharsets.US_ASCII);
    return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : 0;
  }

  int get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aTricklingBodyIsCutWhileOthersAreServed() throws Exception {
    try (Socket slow = slowPost("/api/checks", 50_000, true)) {
      assertEquals(200, get("/api/layers"), "a reader is served while a body trickles");
      int status = trickleUntilCut(slow, 15_000);
      assertTrue(status == 408 || status == 0, "cut with 408 or closed, got " + status);
    }
  }

  @Test
  void anOversizedBodyIsRefusedFromItsContentLength() throws Exception {
    try (Socket s = slowPost("/api/checks", 120L << 20, true)) {
      assertEquals(413, status(s.getInputStream()), "answered before the body is sent");
    }
  }

  @Test
  void aChunkedBodyIsCountedAgainstTheLimit() throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/checks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: "
          + TestTokens.planner() + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) ' ');
      int answered = -1;
      for (int i = 0; i < 64 && answered < 0; i++) {
        try {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException closed) {
          break;
        }
        if (s.getInputStream().available() > 0) {
          answered = status(s.getInputStream());
        }
      }
      if (answered < 0) {
        answered = status(s.getInputStream());
      }
      assertEquals(413, answered);
    }
  }

  @Test
  void oneAddressGetsAtMostItsShareAtOnce() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        // WMS by POST reads its form body before answering: each one is in progress while its body trickles
        held.add(slowPost("/wms", 1000, false, "application/x-www-form-urlencoded"));
      }
      Thread.sleep(300);
      int refused = 0;
      for (int i = 0; i < 3; i++) {
        refused += get("/api/layers") == 429 ? 1 : 0;
      }
      assertTrue(refused > 0, "the fifth request at once from one address is 429");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void checksBeyondTheirSlotAndQueueAre503WithRetryAfter() throws Exception {
    try (Socket holder = slowPost("/api/checks", 10_000, true)) {
      Thread.sleep(300); // the first check holds the only slot while its body trickles
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + port + "/api/checks")).header("Content-Type", "application/geo+json")
          .header("Authorization", TestTokens.planner()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Retry-After").isPresent());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
  }
}
