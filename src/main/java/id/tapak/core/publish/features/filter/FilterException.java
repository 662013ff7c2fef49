package id.tapak.core.publish.features.filter;

/**
 * A filter that does not parse or names an unknown queryable: the message says what and where ({@code position} is
 * the 1-based character of a CQL2 text, or the JSON path of a CQL2 JSON filter).
 */
public final class FilterException extends IllegalArgumentException {

  public FilterException(String message) {
    super(message);
  }
}
