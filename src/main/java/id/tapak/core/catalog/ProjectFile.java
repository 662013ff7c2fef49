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
 * @param corridors priority corridors (wilayah prioritas) as sets of kabupaten/kota, for the corridor indicators
 *     (optional)
 */
public record ProjectFile(ProjectInfo project, List<LayerSpec> layers, @Nullable String rulebook,
    @Nullable List<CorridorSpec> corridors) {
  public ProjectFile {
    Objects.requireNonNull(project, "project is required");
    layers = List.copyOf(Objects.requireNonNull(layers, "layers is required"));
    corridors = corridors == null ? List.of() : List.copyOf(corridors);
    Set<String> corridorIds = new HashSet<>();
    for (CorridorSpec c : corridors) {
      if (!corridorIds.add(c.id())) {
        throw new IllegalArgumentException("corridor '" + c.id() + "': key 'id': duplicate corridor id");
      }
    }
    Set<String> ids = new HashSet<>();
    for (LayerSpec l : layers) {
      if (!ids.add(l.id())) {
        throw new IllegalArgumentException("layer '" + l.id() + "': key 'id': duplicate layer id, ids must be unique");
      }
    }
  }

  /** A project without corridors. */
  public ProjectFile(ProjectInfo project, List<LayerSpec> layers, @Nullable String rulebook) {
    this(project, layers, rulebook, null);
  }
}
