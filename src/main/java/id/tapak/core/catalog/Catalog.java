package id.tapak.core.catalog;

import id.tapak.core.model.LayerRole;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded project: every layer, in project-file order, and each layer's resolved coverage. An immutable snapshot
 * shared by all readers (HTTP, WMS, rules, corridors). The set of layers is fixed (a changed project file takes a
 * restart); the data of a live PostGIS layer changes under it, which {@link #version()} reports.
 */
public final class Catalog {

  private final ProjectFile project;
  private final Path projectPath;
  private final Map<String, Layer> layers;
  private final Map<String, Coverage> coverages;

  /** A catalog of loaded layers; each layer's coverage is resolved here, a wrong declaration stops with one line. */
  public Catalog(ProjectFile project, Path projectPath, List<Layer> layers) {
    this.project = project;
    this.projectPath = projectPath;
    Map<String, Layer> m = new LinkedHashMap<>();
    for (Layer l : layers) {
      m.put(l.id(), l);
    }
    this.layers = java.util.Collections.unmodifiableMap(m);
    this.coverages = Map.copyOf(Coverages.resolve(projectPath, layers));
  }

  /** Where the absence of the layer's features means "nothing there"; unknown for a layer not in the catalog. */
  public Coverage coverage(Layer layer) {
    Coverage c = coverages.get(layer.id());
    return c != null ? c : Coverage.unknown();
  }

  /**
   * A number that changes whenever any layer's data may have changed (the layers' {@link Layer#version()}s
   * combined): what caches of maps and corridor figures key on.
   */
  public long version() {
    long v = 17;
    for (Layer l : layers.values()) {
      v = v * 1_000_003L + l.version();
    }
    return v;
  }

  public ProjectFile project() {
    return project;
  }

  /** The project file this catalog was loaded from. */
  public Path projectPath() {
    return projectPath;
  }

  /** The folder relative paths in the project file resolve against. */
  public Path baseDir() {
    Path parent = projectPath.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  public List<Layer> layers() {
    return List.copyOf(layers.values());
  }

  public Optional<Layer> layer(String id) {
    return Optional.ofNullable(layers.get(id));
  }

  /** Layers of one role, in project-file order. */
  public List<Layer> layers(LayerRole role) {
    return layers.values().stream().filter(l -> l.role() == role).toList();
  }
}
