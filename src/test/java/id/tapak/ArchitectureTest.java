package id.tapak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, checked on every build (a wrong import fails the build). */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("id.tapak");
  }

  /**
   * No bean of Tapak is there or not depending on a setting or a profile: the bean set is fixed at build time when
   * started from the ahead-of-time definitions (scripts/run, {@code -Dspring.aot.enabled=true}), so a setting that
   * switched a bean would be ignored there ({@code id.tapak.app.AheadOfTimeBeansTest}). Settings are read in the
   * factory methods instead (the PostGIS pool and check store, the corridors warm-up).
   */
  @Test
  void noBeanDependsOnASettingOrProfile() {
    for (var a : java.util.List.of(org.springframework.boot.autoconfigure.condition.ConditionalOnProperty.class,
        org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty.class,
        org.springframework.boot.autoconfigure.condition.ConditionalOnExpression.class,
        org.springframework.context.annotation.Profile.class)) {
      noClasses().should().beAnnotatedWith(a).orShould().beMetaAnnotatedWith(a).check(classes);
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods().should().beAnnotatedWith(a)
          .orShould().beMetaAnnotatedWith(a).check(classes);
    }
  }

  @Test
  void coreHasNoSpringOrServlet() {
    noClasses().that().resideInAPackage("id.tapak.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "picocli..")
        .check(classes);
  }

  @Test
  void coreDoesNotReachUp() {
    noClasses().that().resideInAPackage("id.tapak.core..")
        .should().dependOnClassesThat().resideInAnyPackage("id.tapak.web..", "id.tapak.cli..", "id.tapak.app..")
        .check(classes);
  }

  @Test
  void modelAndGeoStandAlone() {
    noClasses().that().resideInAnyPackage("id.tapak.core.model..", "id.tapak.core.geo..")
        .should().dependOnClassesThat().resideInAnyPackage("id.tapak.core.source..", "id.tapak.core.catalog..",
            "id.tapak.core.rulebook..", "id.tapak.core.publish..")
        .check(classes);
  }

  @Test
  void formatsDoNotKnowEachOther() {
    for (String f : new String[] {"geopackage", "geojson", "shapefile", "postgis", "kml"}) {
      noClasses().that().resideInAPackage("id.tapak.core.source." + f + "..")
          .should().dependOnClassesThat().resideInAnyPackage(
              java.util.stream.Stream.of("geopackage", "geojson", "shapefile", "postgis", "kml").filter(o -> !o.equals(f))
                  .map(o -> "id.tapak.core.source." + o + "..").toArray(String[]::new))
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void onlyTheFactorySeesFormatImplementations() {
    noClasses().that().resideOutsideOfPackages("id.tapak.core.source..")
        .should().dependOnClassesThat().resideInAnyPackage("id.tapak.core.source.geopackage..",
            "id.tapak.core.source.geojson..", "id.tapak.core.source.shapefile..", "id.tapak.core.source.postgis..", "id.tapak.core.source.kml..")
        .check(classes);
  }

  @Test
  void catalogAndRulebookDoNotDependOnPublish() {
    noClasses().that().resideInAnyPackage("id.tapak.core.catalog..", "id.tapak.core.rulebook..")
        .should().dependOnClassesThat().resideInAPackage("id.tapak.core.publish..")
        .check(classes);
  }

  @Test
  void rendererKnowsNoPublisher() {
    noClasses().that().resideInAPackage("id.tapak.core.publish.render..")
        .should().dependOnClassesThat().resideInAnyPackage("id.tapak.core.publish.wms..",
            "id.tapak.core.publish.report..", "id.tapak.core.publish.features..")
        .check(classes);
  }

  @Test
  void webAndCliAreIndependent() {
    noClasses().that().resideInAPackage("id.tapak.web..")
        .should().dependOnClassesThat().resideInAPackage("id.tapak.cli..").check(classes);
    noClasses().that().resideInAPackage("id.tapak.cli..")
        .should().dependOnClassesThat().resideInAPackage("id.tapak.web..").check(classes);
  }
}
