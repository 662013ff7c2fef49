package id.tapak.core.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The project file {@code tapak.yml}: the layers a location decision depends on, and the rulebook that judges it.
 * Read by core, so {@code serve}, {@code check} and {@code audit} share one file; server concerns (port, logging)
 * stay in Spring's {@code application.yml}.
 *
 * @param project service identity
 * @param layers the layers, in the order catalogs list them
 * @param rulebook path of the rulebook YAML relative to the project file (optional)
 */
public record ProjectFile(ProjectInfo project, List<LayerSpec> layers, @Nullable String rulebook) {
  public ProjectFile {
    Objects.requireNonNull(project, "project is required");
    layers = List.copyOf(Objects.requireNonNull(layers, "layers is required"));
    Set<String> ids = new HashSet<>();
    for (LayerSpec l : layers) {
      if (!ids.add(l.id())) {
        throw new IllegalArgumentException("layer '" + l.id() + "': key 'id': duplicate layer id, ids must be unique");
      }
    }
  }
}
