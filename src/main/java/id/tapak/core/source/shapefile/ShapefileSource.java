package id.tapak.core.source.shapefile;

import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** PLACEHOLDER: implemented in its own change. */
public final class ShapefileSource implements LayerSource {
  private final Path file;

  public ShapefileSource(Path file) {
    this.file = file;
  }

  @Override
  public SourceSchema describe() {
    throw new SourceException(file + ": shapefile sources are not implemented yet");
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    throw new SourceException(file + ": shapefile sources are not implemented yet");
  }
}
