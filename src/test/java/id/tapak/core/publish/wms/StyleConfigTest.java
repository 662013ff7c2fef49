package id.tapak.core.publish.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.ProjectFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer's {@code style:} SLD is read before the service starts; a bad one stops start-up with one line. */
class StyleConfigTest {

  private static final Path WMS_PROJECT = Path.of("src/test/resources/projects/wms");

  /** The WMS test project copied to a temp dir with the plan layer's SLD replaced by {@code sld} (null: deleted). */
  private static Catalog projectWithSld(Path tmp, String sld) throws Exception {
    for (String f : new String[] {"plan.geojson", "estates.geojson", "ports.geojson", "roads.geojson"}) {
      Files.copy(WMS_PROJECT.resolve(f), tmp.resolve(f));
    }
    String yml = Files.readString(WMS_PROJECT.resolve("tapak.yml"))
        .replace("rulebook: ../../../../../layers/rules/pp20-2024.yml", "");
    Files.writeString(tmp.resolve("tapak.yml"), yml);
    Files.createDirectories(tmp.resolve("styles"));
    if (sld != null) {
      Files.writeString(tmp.resolve("styles/plan.sld"), sld);
    }
    return CatalogLoader.load(tmp.resolve("tapak.yml"));
  }

  @Test
  void theTestProjectsStylesAreValid() throws Exception {
    Catalog c = CatalogLoader.load(WMS_PROJECT.resolve("tapak.yml"));
    assertThatCode(() -> WmsLayers.checkStyles(c)).doesNotThrowAnyException();
  }

  @Test
  void missingSldNamesFileLayerAndKey(@TempDir Path tmp) throws Exception {
    Catalog c = projectWithSld(tmp, null);
    assertThatThrownBy(() -> WmsLayers.checkStyles(c))
        .isInstanceOf(ProjectFileException.class)
        .hasMessageContaining("tapak.yml: layer 'plan': key 'style': cannot read")
        .hasMessageContaining("plan.sld")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void malformedSldNamesFileLayerAndKey(@TempDir Path tmp) throws Exception {
    Catalog c = projectWithSld(tmp, "<StyledLayerDescriptor><NamedLayer>");
    assertThatThrownBy(() -> WmsLayers.checkStyles(c))
        .isInstanceOf(ProjectFileException.class)
        .hasMessageContaining("layer 'plan': key 'style':")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
