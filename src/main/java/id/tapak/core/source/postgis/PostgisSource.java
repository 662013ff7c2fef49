package id.tapak.core.source.postgis;

import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** PLACEHOLDER: reserved in the enum; implemented in its own change. */
public final class PostgisSource implements LayerSource {
  private final String url;

  public PostgisSource(String url, @Nullable String table) {
    this.url = url;
  }

  /** Expands {@code ${NAME}} environment placeholders in a JDBC URL. */
  public static String expand(String url) {
    return url;
  }

  @Override
  public SourceSchema describe() {
    throw new SourceException("postgis sources are not implemented yet");
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    throw new SourceException("postgis sources are not implemented yet");
  }
}
