package id.tapak.core.source;

import java.util.function.Consumer;

/**
 * Reads one layer from one format. Implementations are created by {@link LayerSources#open} and are used by one
 * thread at a time; they hold no open handles between calls.
 */
public interface LayerSource {

  /** Field names and declared CRS, read without streaming the features. */
  SourceSchema describe();

  /**
   * Streams every feature in the source's own CRS.
   *
   * @throws SourceException when the source cannot be read; a single undecodable geometry is reported as a feature
   *     with a null geometry so the caller can count it, not as an exception
   */
  void read(Consumer<SourceFeature> sink);
}
