package id.tapak.web.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged check survives {@code kill -9}: the real service runs as its own process on the demo project,
 * 20 checks are posted, the process is killed with SIGKILL straight after the last 201, and a new process on the
 * same data directory must answer every acknowledged id with the same verdict. (The PostGIS store's variant is in
 * {@link SharedStoreTest}.)
 */
class CheckDurabilityTest {

  @Test
  void acknowledgedChecksSurviveSigkill(@TempDir Path tmp) throws Exception {
    assertThat(new File("layers/tapak.yml")).as("run from the project root").exists();
    Path data = tmp.resolve("data");
    List<String[]> acknowledged = new ArrayList<>();
    ServiceProcess first = ServiceProcess.start(tmp.resolve("first.log"), "--tapak.data-dir=" + data);
    try {
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> r = first.postCheck(ServiceProcess.site(i));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        acknowledged.add(ServiceProcess.idAndVerdict(r.body()));
      }
    } finally {
      first.kill();
    }
    try (ServiceProcess second = ServiceProcess.start(tmp.resolve("second.log"), "--tapak.data-dir=" + data)) {
      for (String[] ack : acknowledged) {
        HttpResponse<String> r = second.get("/api/checks/" + ack[0], "application/json");
        assertThat(r.statusCode()).as("check " + ack[0] + " after kill -9").isEqualTo(200);
        Matcher verdict = ServiceProcess.VERDICT.matcher(r.body());
        assertThat(verdict.find()).isTrue();
        assertThat(verdict.group(1)).isEqualTo(ack[1]);
      }
      assertThat(second.get("/api/checks?limit=1", "application/json").body()).contains("\"numberMatched\":20");
    }
  }
}
