package id.tapak.core.rulebook;

import id.tapak.core.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds a rulebook YAML to {@link Rulebook}. Unknown keys are errors, and every failure becomes one
 * {@link RulebookException} line naming the file, the rule id and the key.
 */
public final class RulebookLoader {

  /** Shared strict mapper for rulebooks and spec files; thread-safe. */
  static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  /** Where the rulebook is looked for when the project file names none, relative to the project file. */
  public static final String DEFAULT_PATH = "rules/pp20-2024.yml";

  private RulebookLoader() {}

  /**
   * The rulebook of a catalog: the project file's {@code rulebook:} path, else {@value #DEFAULT_PATH} next to it.
   *
   * @throws RulebookException when neither exists or the file is wrong
   */
  public static Rulebook forCatalog(Catalog catalog) {
    return read(rulebookPath(catalog));
  }

  /** The path {@link #forCatalog} reads. */
  public static Path rulebookPath(Catalog catalog) {
    String p = catalog.project().rulebook();
    return catalog.baseDir().resolve(p == null ? DEFAULT_PATH : p).normalize();
  }

  public static Rulebook read(Path file) {
    return bind(file, Rulebook.class);
  }

  static <T> T bind(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new RulebookException(file + ": file not found");
    }
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = YAML.readTree(in);
    } catch (IOException e) {
      throw new RulebookException(file + ": cannot read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new RulebookException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new RulebookException(file + ": empty or not a YAML mapping");
    }
    try {
      return YAML.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw new RulebookException(file + ": " + describe(e, tree), e);
    }
  }

  /** "rule 'min-expanse': key 'thresholds.min_ha': …" from a binding failure. */
  static String describe(JacksonException e, JsonNode tree) {
    StringBuilder key = new StringBuilder();
    String item = null;
    var path = e.getPath();
    for (int i = 0; i < path.size(); i++) {
      JacksonException.Reference r = path.get(i);
      if (i == 1 && r.getIndex() >= 0 && path.get(0).getPropertyName() != null) {
        String list = path.get(0).getPropertyName();
        JsonNode node = tree.path(list).path(r.getIndex());
        JsonNode id = node.has("id") ? node.path("id") : node.path("name");
        String noun = list.equals("rules") ? "rule " : "example ";
        item = noun + (id.isString() ? "'" + id.stringValue() + "'" : "#" + (r.getIndex() + 1));
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
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String cause;
    if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
      cause = t.getMessage();
    } else {
      String m = e.getOriginalMessage();
      cause = m.startsWith("Unrecognized property") ? "unknown key" : m.split("\n")[0];
    }
    return (item != null ? item + ": " : "") + (key.isEmpty() ? "" : "key '" + key + "': ") + cause;
  }
}
