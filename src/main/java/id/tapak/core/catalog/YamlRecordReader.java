package id.tapak.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds a YAML file to a record type strictly (unknown keys and nulls for primitives are errors) and turns every
 * failure into one line naming the file, the list item and the key, e.g.
 * {@code tapak.yml: layer 'estates': key 'source.type': unknown source type 'gpkg'}. Used for the project file and
 * the rulebook, so both report errors the same way. Thread-safe.
 */
public final class YamlRecordReader {

  /** Builds the caller's own exception type from a one-line message and its cause (null for missing files). */
  @FunctionalInterface
  public interface Failure {
    RuntimeException of(String message, @Nullable Throwable cause);
  }

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private YamlRecordReader() {}

  /**
   * Reads and binds a file.
   *
   * @param what what the file is, for the "not found" message (e.g. "project file")
   */
  public static <T> T read(Path file, Class<T> type, String what, Failure failure) {
    if (!Files.isRegularFile(file)) {
      throw failure.of(file + ": " + what + " not found", null);
    }
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = YAML.readTree(in);
    } catch (IOException e) {
      throw failure.of(file + ": cannot read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw failure.of(file + ": not valid YAML" + at + ": " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw failure.of(file + ": empty or not a YAML mapping", null);
    }
    try {
      return YAML.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw failure.of(file + ": " + describe(e, tree), e);
    }
  }

  /**
   * "layer 'estates': key 'source.type': …" from a binding failure: the first list level is named by its item's
   * {@code id} (or {@code name}) and the list name in the singular ("layers" → "layer", "rules" → "rule").
   */
  static String describe(JacksonException e, JsonNode tree) {
    StringBuilder key = new StringBuilder();
    String item = null;
    List<JacksonException.Reference> path = e.getPath();
    for (int i = 0; i < path.size(); i++) {
      JacksonException.Reference r = path.get(i);
      String list = path.get(0).getPropertyName();
      if (i == 1 && r.getIndex() >= 0 && list != null) {
        JsonNode node = tree.path(list).path(r.getIndex());
        JsonNode id = node.has("id") ? node.path("id") : node.path("name");
        String noun = list.endsWith("s") ? list.substring(0, list.length() - 1) : list;
        item = noun + " " + (id.isString() ? "'" + id.stringValue() + "'" : "#" + (r.getIndex() + 1));
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
    return (item != null ? item + ": " : "") + (key.isEmpty() ? "" : "key '" + key + "': ") + cause(e);
  }

  private static String cause(JacksonException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
      return String.valueOf(t.getMessage());
    }
    // Jackson's messages name Java types; keep the first line, which names the problem
    String m = e.getOriginalMessage();
    return m.startsWith("Unrecognized property") ? "unknown key" : m.split("\n")[0];
  }
}
