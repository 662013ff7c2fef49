package id.tapak.web.eip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/eip} on the GEIPP pilot project ({@code layers/eip/tapak.yml}): JSON, CSV, bad input. */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=layers/eip/tapak.yml", "tapak.data-dir=target/eip-api-test"})
class EipApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsTheSixPilotsWithTheArticle79Dimensions() throws Exception {
    HttpResponse<String> r = get("/api/eip", "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("regulation").asString()).contains("PP 20/2024 Art. 79");
    assertThat(body.path("bufferM").asDouble()).isEqualTo(2000);
    JsonNode estates = body.path("estates");
    assertThat(estates).hasSize(6);
    assertThat(r.body()).contains("KIIC", "MM2100", "Deltamas", "Batamindo", "Kawasan Industri Medan", "Krakatau");
    for (JsonNode e : estates) {
      assertThat(e.path("dimensions")).hasSize(4);
      assertThat(e.path("dimensions").get(0).path("id").asString()).isEqualTo("pengelolaan-kawasan");
      assertThat(e.path("dimensions").get(0).path("indicators").get(0).path("value").asDouble()).isGreaterThan(300);
    }
    HttpResponse<String> csv = get("/api/eip?f=csv", "*/*");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("layer,estate_id,").contains("eip_estates,kiic,");
    HttpResponse<String> wider = get("/api/eip?buffer_m=5000", "application/json");
    assertThat(JSON.readTree(wider.body()).path("bufferM").asDouble()).isEqualTo(5000);
  }

  @Test
  void badInputIsAProblemNamingTheField() throws Exception {
    HttpResponse<String> badF = get("/api/eip?f=xml", "application/json");
    assertThat(badF.statusCode()).isEqualTo(400);
    assertThat(badF.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(badF.body()).contains("\"field\":\"f\"");
    HttpResponse<String> badBuffer = get("/api/eip?buffer_m=abc", "application/json");
    assertThat(badBuffer.statusCode()).isEqualTo(400);
    assertThat(badBuffer.body()).contains("\"field\":\"buffer_m\"");
    assertThat(get("/api/eip?buffer_m=1", "application/json").statusCode()).isEqualTo(400);
  }
}
