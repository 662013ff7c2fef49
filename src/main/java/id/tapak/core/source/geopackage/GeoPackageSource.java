package id.tapak.core.source.geopackage;

import id.tapak.core.source.LayerSource;
import id.tapak.core.source.SourceException;
import id.tapak.core.source.SourceFeature;
import id.tapak.core.source.SourceSchema;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** PLACEHOLDER: implemented in its own change. */
public final class GeoPackageSource implements LayerSource {
  private final Path file;

  public GeoPackageSource(Path file, @Nullable String layer) {
    this.file = file;
  }

  @Override
  public SourceSchema describe() {
    throw new SourceException(file + ": geopackage sources are not implemented yet");
  }

  @Override
  public void read(Consumer<SourceFeature> sink) {
    throw new SourceException(file + ": geopackage sources are not implemented yet");
  }
}
