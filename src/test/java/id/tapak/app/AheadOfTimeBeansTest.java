package id.tapak.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ahead-of-time bean definitions the build generates (pom.xml, process-aot), which scripts/run starts with
 * ({@code -Dspring.aot.enabled=true}, scripts/cds), are the beans the same build makes by reflection
 * ({@code java -jar}, the tests): a conditional bean decided differently at build time would be a service that
 * behaves differently depending on how it was launched.
 */
@SpringBootTest(classes = TapakApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tapak.project=layers/tapak.yml", "tapak.data-dir=target/aot-beans-test"})
class AheadOfTimeBeansTest {

  @Autowired
  ConfigurableApplicationContext context;

  @Test
  void theGeneratedBeanDefinitionsAreTheReflectiveOnes() throws ReflectiveOperationException {
    DefaultListableBeanFactory generated = new DefaultListableBeanFactory();
    // generated into target/classes by process-aot (bound to process-classes, before the tests)
    Class<?> registrations = Class.forName("id.tapak.TapakMain__BeanFactoryRegistrations");
    registrations.getMethod("registerBeanDefinitions", DefaultListableBeanFactory.class)
        .invoke(registrations.getDeclaredConstructor().newInstance(), generated);
    Set<String> aot = beans(generated.getBeanDefinitionNames());
    Set<String> reflective = beans(context.getBeanFactory().getBeanDefinitionNames());
    assertTrue(aot.size() > 200, "generated bean definitions: " + aot.size());
    Set<String> onlyReflective = new TreeSet<>(reflective);
    onlyReflective.removeAll(aot);
    Set<String> onlyGenerated = new TreeSet<>(aot);
    onlyGenerated.removeAll(reflective);
    assertEquals("", (onlyReflective.isEmpty() ? "" : "only by reflection: " + onlyReflective)
        + (onlyGenerated.isEmpty() ? "" : " only generated: " + onlyGenerated));
  }

  /**
   * The application's beans: without Spring's infrastructure processors ({@code org.springframework...internalX},
   * registered differently on the two paths: the reflective one reads configuration classes, the generated one does
   * not need to) and the test context's own.
   */
  private static Set<String> beans(String[] names) {
    return Arrays.stream(names)
        .filter(n -> !(n.startsWith("org.springframework.") && n.substring(n.lastIndexOf('.') + 1).startsWith("internal")))
        .filter(n -> !n.startsWith("org.springframework.boot.test."))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
