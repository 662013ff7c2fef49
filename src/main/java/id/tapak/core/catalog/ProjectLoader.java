package id.tapak.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds {@code tapak.yml} to {@link ProjectFile}. Unknown keys are errors (a typo must not silently drop a setting),
 * and every failure becomes one {@link ProjectFileException} line naming the file, the layer and the key.
 */
public final class ProjectLoader {

  static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private ProjectLoader() {}

  /** Reads and binds a project file; semantic checks against the data happen in {@link CatalogLoader}. */
  public static ProjectFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ProjectFileException(file + ": project file not found");
    }
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = YAML.readTree(in);
    } catch (IOException e) {
      throw new ProjectFileException(file + ": cannot read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new ProjectFileException(file + ": not valid YAML" + at(e) + ": " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ProjectFileException(file + ": empty or not a YAML mapping");
    }
    try {
      return YAML.treeToValue(tree, ProjectFile.class);
    } catch (JacksonException e) {
      throw new ProjectFileException(file + ": " + describe(e, tree), e);
    }
  }

  /** "layer 'estates': key 'source.type': unknown source type 'gpkg', …" from a binding failure. */
  static String describe(JacksonException e, JsonNode tree) {
    StringBuilder key = new StringBuilder();
    String layer = null;
    var path = e.getPath();
    for (int i = 0; i < path.size(); i++) {
      JacksonException.Reference r = path.get(i);
      if (i == 1 && r.getIndex() >= 0 && "layers".equals(path.get(0).getPropertyName())) {
        JsonNode id = tree.path("layers").path(r.getIndex()).path("id");
        layer = id.isString() ? "'" + id.stringValue() + "'" : "#" + (r.getIndex() + 1);
        key.setLength(0);
        continue;
      }
      if (r.getPropertyName() != null) {
        if (!key.isEmpty()) {
          key.append('.');
        }
        key.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        key.append('[').append(r.getIndex()).append(']');
      }
    }
    String cause = rootMessage(e);
    return (layer != null ? "layer " + layer + ": " : "")
        + (key.isEmpty() ? "" : "key '" + key + "': ")
        + cause;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
      return t.getMessage();
    }
    String m = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
    // Jackson's messages name Java types; keep the first sentence, which names the problem.
    int cut = m.indexOf(" (");
    return cut > 0 && m.startsWith("Unrecognized property") ? "unknown key" : m.split("\n")[0];
  }

  private static String at(JacksonException e) {
    var loc = e.getLocation();
    return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }
}
