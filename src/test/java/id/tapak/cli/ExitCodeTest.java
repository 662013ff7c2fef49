package id.tapak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.catalog.ProjectFileException;
import id.tapak.core.model.TapakException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit statuses for failures: 2 only for bad input (recognised by type), 5 when a PostGIS database the project needs
 * cannot be reached (a real connection refused: a loopback port nothing listens on), 4 for internal errors, an
 * {@code IllegalArgumentException} from internal code included.
 */
class ExitCodeTest {

  @TempDir
  Path tmp;

  /** A loopback port with nothing listening: bound by the OS, then closed. */
  static int deadPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Path project(String mode) throws Exception {
    return Files.writeString(tmp.resolve(mode + ".yml"), """
        project: {id: t, title: {id: Uji, en: Test}}
        layers:
          - id: estates
            title: {id: Kawasan, en: Estates}
            role: estate
            source: {type: postgis, path: 'jdbc:postgresql://127.0.0.1:%d/gis?user=postgres&connectTimeout=2', layer: public.estates, mode: %s}
        """.formatted(deadPort(), mode));
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int code = TapakCommand.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void layersWithTheDatabaseDownExitUnavailableInOneLine() throws Exception {
    Run r = run("layers", "--project", project("live").toString());
    assertThat(r.code()).isEqualTo(TapakCommand.UNAVAILABLE).isEqualTo(5);
    assertThat(r.out()).contains("estates").contains("UNAVAILABLE")
        .contains("layer 'estates' is unavailable: database unreachable or failing (SQLState 08001)");
    assertThat(r.err().strip()).isEqualTo("tapak: unavailable: 1 of 1 layers cannot be read now (estates): their "
        + "database is unreachable; try again when it is up");
  }

  @Test
  void aMemoryLayerWhoseDatabaseIsDownIsUnavailableNotBadInput() throws Exception {
    Run r = run("layers", "--project", project("memory").toString());
    assertThat(r.code()).isEqualTo(TapakCommand.UNAVAILABLE);
    assertThat(r.err().lines().filter(l -> !l.isBlank())).as("one line, no stack trace").hasSize(1)
        .allSatisfy(l -> assertThat(l).startsWith("tapak: unavailable: ").contains("layer 'estates'")
            .contains("refused").endsWith("(try again when the database is up)"));
  }

  @Test
  void aSpentBudgetIsUnavailableButNotBlamedOnTheDatabase() {
    TapakException spent = new TapakException(TapakException.Kind.OVER_BUDGET, null,
        "the check did not finish within its time budget of 20 s");
    assertThat(TapakCommand.exitCode(spent)).isEqualTo(TapakCommand.UNAVAILABLE);
    assertThat(TapakCommand.unavailableHint(new RuntimeException("wrapped", spent)))
        .isEqualTo("it took longer than its time budget; try again later, or with a smaller input");
    assertThat(TapakCommand.unavailableHint(new id.tapak.core.store.StoreUnavailableException("the check store is down", new java.sql.SQLException("refused", "08001"))))
        .isEqualTo("try again when the database is up");
  }

  @Test
  void badInputStaysTwo() throws Exception {
    Path broken = Files.writeString(tmp.resolve("broken.yml"), "project: {id: t}\nlayers: [{id: 1x}]\n");
    Run r = run("layers", "--project", broken.toString());
    assertThat(r.code()).isEqualTo(TapakCommand.BAD_INPUT);
    assertThat(r.err()).startsWith("tapak: ").doesNotContain("\tat ");
    Run noLayer = run("audit", "--project", RulesCliTest.PROJECT, "--layer", "nope", "--out",
        tmp.resolve("a.csv").toString(), "--quiet");
    assertThat(noLayer.code()).isEqualTo(TapakCommand.BAD_INPUT);
    assertThat(noLayer.err().strip()).startsWith("tapak: no layer 'nope' in ").endsWith("(--layer)");
  }

  @Test
  void failuresMapByTypeNotByIllegalArgument() {
    assertThat(TapakCommand.exitCode(TapakException.unprocessable("geometry", "a point"))).isEqualTo(2);
    assertThat(TapakCommand.exitCode(TapakException.notFound("--layer", "no layer"))).isEqualTo(2);
    assertThat(TapakCommand.exitCode(new ProjectFileException("tapak.yml: layer 'x': key 'role': unknown")))
        .isEqualTo(2);
    assertThat(TapakCommand.exitCode(new java.nio.file.NoSuchFileException("site.geojson"))).isEqualTo(2);
    assertThat(TapakCommand.exitCode(new IllegalArgumentException("a record refused what internal code built")))
        .as("internal, not the input's fault").isEqualTo(TapakCommand.INTERNAL);
    assertThat(TapakCommand.exitCode(new IllegalStateException("bug"))).isEqualTo(TapakCommand.INTERNAL);
    assertThat(TapakCommand.exitCode(new LayerUnavailableException("rtrw", "database unreachable", null)))
        .isEqualTo(TapakCommand.UNAVAILABLE);
    assertThat(TapakCommand.exitCode(new ProjectFileException("tapak.yml: layer 'rtrw': key 'source': refused",
        new SQLException("Connection refused", "08001")))).isEqualTo(TapakCommand.UNAVAILABLE);
    assertThat(TapakCommand.exitCode(new ProjectFileException("tapak.yml: layer 'rtrw': no table",
        new SQLException("relation does not exist", "42P01")))).as("a missing table is the project's fault")
        .isEqualTo(TapakCommand.BAD_INPUT);
  }
}
