package id.tapak.core.model;

import java.util.Objects;

/**
 * A user-facing text in Bahasa Indonesia (shown first) and English.
 *
 * @param id Indonesian text, never blank
 * @param en English text, never blank
 */
public record LocalizedText(String id, String en) {
  public LocalizedText {
    Objects.requireNonNull(id, "title.id is required");
    Objects.requireNonNull(en, "title.en is required");
    if (id.isBlank() || en.isBlank()) {
      throw new IllegalArgumentException("both title.id and title.en must be non-blank");
    }
  }

  public static LocalizedText of(String id, String en) {
    return new LocalizedText(id, en);
  }

  /** "Indonesian / English", for plain-text outputs that show both. */
  public String both() {
    return id.equals(en) ? id : id + " / " + en;
  }
}
