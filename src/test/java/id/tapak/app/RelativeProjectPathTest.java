package id.tapak.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.tapak.core.catalog.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A project path starting with {@code ../} starts the service: Spring's own String-to-Path conversion read it as a
 * servlet resource and failed ("normalized to [null]"); {@link TapakProperties} binds strings now.
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelativeProjectPathTest {

  @DynamicPropertySource
  static void project(DynamicPropertyRegistry r) {
    String dir = Path.of("").toAbsolutePath().getFileName().toString();
    r.add("tapak.project", () -> "../" + dir + "/src/test/resources/projects/ogc/tapak.yml");
  }

  @Autowired
  Catalog catalog;

  @Autowired
  TapakProperties props;

  @Test
  void upFromTheWorkingDirectoryWorks() {
    assertEquals("ogc-test", catalog.project().project().id());
    assertTrue(props.project().startsWith("../"), props.project());
  }
}
