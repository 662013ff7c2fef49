package id.tapak.web.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.tapak.app.TapakProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicBaseUrlTest {

  private static PublicBaseUrl with(String configured) {
    return new PublicBaseUrl(new TapakProperties("tapak.yml", "data", configured));
  }

  @Test
  void configuredBaseUrlWinsOverTheRequest() {
    MockHttpServletRequest req = new MockHttpServletRequest("GET", "/ogc");
    req.setServerName("10.0.0.5");
    req.setServerPort(8080);
    assertEquals("https://peta.example.id/tapak", with("https://peta.example.id/tapak/").of(req).value());
  }

  @Test
  void otherwiseTheRequestRootIncludingContextPath() {
    MockHttpServletRequest req = new MockHttpServletRequest("GET", "/svc/ogc/collections");
    req.setScheme("http");
    req.setServerName("127.0.0.1");
    req.setServerPort(18080);
    req.setContextPath("/svc");
    req.setQueryString("limit=5");
    assertEquals("http://127.0.0.1:18080/svc", with("").of(req).value());
  }
}
