package id.tapak.core.publish.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * A web link as OGC API documents carry them (RFC 8288 in JSON form).
 *
 * @param href absolute URL; clients such as GDAL follow {@code next} links verbatim, so never relative
 * @param rel relation type: {@code self}, {@code next}, {@code items}, {@code service-desc}…
 * @param type media type of the target
 * @param title human-readable label (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, @Nullable String title) {

  public Link {
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(rel, "rel");
    Objects.requireNonNull(type, "type");
  }

  public static Link of(String href, String rel, String type) {
    return new Link(href, rel, type, null);
  }

  public static Link of(String href, String rel, String type, String title) {
    return new Link(href, rel, type, title);
  }

  /** Writes a {@code links} member; for documents streamed outside Jackson data binding. */
  static void writeAll(List<Link> links, JsonGenerator gen) {
    gen.writeName("links");
    gen.writeStartArray();
    for (Link l : links) {
      gen.writeStartObject();
      gen.writeStringProperty("href", l.href());
      gen.writeStringProperty("rel", l.rel());
      gen.writeStringProperty("type", l.type());
      if (l.title() != null) {
        gen.writeStringProperty("title", l.title());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }
}
