package id.tapak.core.catalog;

import id.tapak.core.model.LocalizedText;
import java.util.Objects;

/**
 * The {@code project:} block of {@code tapak.yml}.
 *
 * @param id short identifier, used in titles and file names
 * @param title service title in Indonesian and English (WMS and OGC API landing pages)
 */
public record ProjectInfo(String id, LocalizedText title) {
  public ProjectInfo {
    Objects.requireNonNull(id, "project.id is required");
    Objects.requireNonNull(title, "project.title is required");
  }
}
