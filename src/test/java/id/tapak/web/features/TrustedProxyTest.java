package id.tapak.web.features;

import static id.tapak.web.features.OgcTestClient.json;
import static id.tapak.web.features.OgcTestClient.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.app.TapakApplication;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the loopback address configured as a trusted proxy ({@code TAPAK_TRUSTED_PROXIES}, i.e.
 * {@code server.tomcat.remoteip.internal-proxies}), OGC links and WMS capabilities follow its
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}; FeaturesControllerTest shows the default ignores them.
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {OgcTestClient.PROJECT, "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class TrustedProxyTest {

  @LocalServerPort
  int port;

  @Test
  void aTrustedProxysForwardedHostIsUsed() {
    OgcTestClient client = new OgcTestClient(port);
    assertEquals("https://peta.example.id/ogc/collections", link(json(client.get("/ogc", "X-Forwarded-Proto",
        "https", "X-Forwarded-Host", "peta.example.id")), "data"));
    HttpResponse<String> caps = client.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "peta.example.id");
    assertTrue(caps.body().contains("https://peta.example.id/wms"), caps.body().substring(0, 600));
  }
}
