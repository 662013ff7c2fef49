package id.tapak.core.source;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a source declares about itself before any feature is read.
 *
 * @param fieldNames attribute names in source order
 * @param epsg the EPSG code the source declares for its coordinates, empty when it declares none
 */
public record SourceSchema(List<String> fieldNames, OptionalInt epsg) {
  public SourceSchema {
    fieldNames = List.copyOf(fieldNames);
  }
}
