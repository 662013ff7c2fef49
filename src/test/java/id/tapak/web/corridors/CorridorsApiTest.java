package id.tapak.web.corridors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three East Java corridors of the demo over HTTP: members by kabupaten/kota code, indicators that say where
 * the (schematic) plan is missing, CSV download, and bad requests answered as problems.
 */
@SpringBootTest(classes = id.tapak.app.TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=layers/tapak.yml", "tapak.data-dir=target/corridors-api-test"})
class CorridorsApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> codes(JsonNode corridor) {
    List<String> out = new ArrayList<>();
    corridor.path("members").forEach(m -> out.add(m.path("code").asString()));
    return out;
  }

  @Test
  void listsTheThreeCorridorsWithMembersAndIndicators() throws Exception {
    HttpResponse<String> r = get("/api/corridors", "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(r.body()).path("corridors");
    assertThat(list).hasSize(3);
    JsonNode gk = list.get(0);
    assertThat(gk.path("id").asString()).isEqualTo("gerbang-kertosusila");
    assertThat(codes(gk)).containsExactly("35.25", "35.26", "35.16", "35.76", "35.78", "35.15", "35.24");
    assertThat(gk.path("members").get(0).path("name").asString()).isEqualTo("Kabupaten Gresik");
    assertThat(gk.path("source").asString()).contains("Perpres 80/2019");
    JsonNode gi = gk.path("indicators");
    // the schematic plan covers Gerbang Kertosusila: KPI exists, part of it is taken by the seven estates there
    assertThat(gi.path("kpiHa").asDouble()).isGreaterThan(1000);
    assertThat(gi.path("planUncoveredHa").asDouble()).isLessThan(0.01 * gi.path("areaHa").asDouble());
    assertThat(gi.path("operatingEstateHa").asDouble()).isGreaterThan(1000);
    assertThat(gi.path("freeKpi").path("ha").asDouble()).isLessThan(gi.path("kpiHa").asDouble());
    assertThat(gi.path("estates")).hasSize(7);
    assertThat(codes(list.get(1))).containsExactly("35.02", "35.19", "35.18", "35.06", "35.04", "35.03");
    assertThat(codes(list.get(2))).containsExactly("35.07", "35.08", "35.14", "35.13");
    assertThat(list.get(2).path("confidence").asString()).isEqualTo("unverified");
  }

  /** The demo has no plan in Selingkar Wilis: its KPI is unknown, said so, and never reported as a zero that means "none". */
  @Test
  void aCorridorWithoutPlanSaysSo() throws Exception {
    JsonNode sw = JSON.readTree(get("/api/corridors/selingkar-wilis", "application/json").body());
    JsonNode i = sw.path("indicators");
    assertThat(i.path("planCoveredHa").asDouble()).isLessThan(1);
    assertThat(i.path("planUncoveredHa").asDouble()).isCloseTo(i.path("areaHa").asDouble(),
        org.assertj.core.data.Offset.offset(1.0));
    assertThat(i.path("notes").toString()).contains("does not cover").contains("tidak mencakup");
    assertThat(sw.path("members")).hasSize(6);
    // Bromo Tengger Semeru: only Kabupaten Pasuruan has plan data (its neighbours get the plan's edge slivers)
    JsonNode bts = JSON.readTree(get("/api/corridors/bromo-tengger-semeru", "application/json").body());
    for (JsonNode m : bts.path("members")) {
      double share = m.path("planCoveredHa").asDouble() / m.path("areaHa").asDouble();
      boolean pasuruan = m.path("code").asString().equals("35.14");
      assertThat(pasuruan ? share > 0.99 : share < 0.01).as(m.path("name").asString() + " " + share).isTrue();
      assertThat(m.path("kpiHa").asDouble() > 0).as(m.path("name").asString()).isEqualTo(pasuruan);
    }
  }

  @Test
  void csvAndBadRequests() throws Exception {
    HttpResponse<String> csv = get("/api/corridors/gerbang-kertosusila?f=csv", "*/*");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(t ->
        assertThat(t).contains("koridor-gerbang-kertosusila.csv"));
    assertThat(csv.body().split("\r\n")).hasSize(9);
    assertThat(get("/api/corridors/gerbang-kertosusila", "text/csv").body()).isEqualTo(csv.body());
    HttpResponse<String> missing = get("/api/corridors/madura", "application/json");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missing.body()).contains("\"field\":\"id\"").contains("gerbang-kertosusila");
    HttpResponse<String> badF = get("/api/corridors/gerbang-kertosusila?f=xml", "application/json");
    assertThat(badF.statusCode()).isEqualTo(400);
    assertThat(badF.body()).contains("\"field\":\"f\"");
  }
}
