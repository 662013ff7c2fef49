package id.tapak.core.source;

import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a source declares about itself before any feature is read.
 *
 * @param fieldNames attribute names in source order
 * @param epsg the EPSG code the source declares for its coordinates, empty when it declares none
 * @param crsProblem when {@code epsg} is empty although the source does carry a CRS definition (a {@code .prj} that
 *     is unreadable or names a CRS Tapak does not know), what is wrong with it; never guessed as WGS84
 */
public record SourceSchema(List<String> fieldNames, OptionalInt epsg, @Nullable String crsProblem) {
  public SourceSchema {
    fieldNames = List.copyOf(fieldNames);
  }

  public SourceSchema(List<String> fieldNames, OptionalInt epsg) {
    this(fieldNames, epsg, null);
  }
}
