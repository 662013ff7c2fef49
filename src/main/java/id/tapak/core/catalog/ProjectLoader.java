package id.tapak.core.catalog;

import java.nio.file.Path;

/**
 * Binds {@code tapak.yml} to {@link ProjectFile}. Unknown keys are errors (a typo must not silently drop a setting),
 * and every failure becomes one {@link ProjectFileException} line naming the file, the layer and the key.
 */
public final class ProjectLoader {

  private ProjectLoader() {}

  /** Reads and binds a project file; semantic checks against the data happen in {@link CatalogLoader}. */
  public static ProjectFile read(Path file) {
    return YamlRecordReader.read(file, ProjectFile.class, "project file",
        (message, cause) -> cause == null ? new ProjectFileException(message) : new ProjectFileException(message, cause));
  }
}
