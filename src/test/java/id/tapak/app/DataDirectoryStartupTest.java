package id.tapak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory the service cannot use stops start-up with one line on stderr and exit status 2, like a bad
 * layer file: a file where the folder should be, a folder that cannot be created, a corrupt {@code checks.sqlite},
 * a malformed token file. Each case runs the real entry point ({@code TapakMain}) in its own JVM on the tiny rules
 * project.
 */
class DataDirectoryStartupTest {

  @TempDir
  Path tmp;

  record Run(int exit, List<String> stderr) {}

  Run start(Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = tmp.resolve("stderr-" + System.nanoTime());
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "id.tapak.TapakMain", "--server.port=0", "--tapak.project=src/test/resources/fixtures/rules/tapak.yml",
        "--tapak.data-dir=" + dataDir).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the service started instead of refusing " + dataDir);
    }
    return new Run(p.exitValue(), Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList());
  }

  static void assertOneLine(Run r, String... words) {
    assertThat(r.exit()).as(String.join("\n", r.stderr())).isEqualTo(2);
    assertThat(r.stderr()).hasSize(1);
    assertThat(r.stderr().get(0)).startsWith("tapak: ").contains(words).doesNotContain("Exception", "SQLITE_");
  }

  @Test
  void aFileInPlaceOfTheFolder() throws Exception {
    Path file = Files.writeString(tmp.resolve("data"), "not a folder");
    assertOneLine(start(file), "data directory", file.toString());
  }

  @Test
  void aFolderThatCannotBeCreated() throws Exception {
    Files.writeString(tmp.resolve("blocker"), "x");
    assertOneLine(start(tmp.resolve("blocker").resolve("data")), "cannot create data directory");
  }

  @Test
  void aCorruptStore() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("corrupt"));
    Files.write(dir.resolve("checks.sqlite"), "this is not an SQLite database, only some text ".repeat(100)
        .getBytes());
    assertOneLine(start(dir), "check store", "corrupt");
  }

  @Test
  void aMalformedTokenFile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("tokens"));
    Files.writeString(dir.resolve("tokens"), "someone planner not-a-hash\n");
    assertOneLine(start(dir), "tokens line 1", "64 hex");
  }
}
