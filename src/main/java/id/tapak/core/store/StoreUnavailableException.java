package id.tapak.core.store;

/**
 * The check store cannot serve a request now (database unreachable, disk full, read-only folder); nothing was
 * written. Not the client's fault and usually temporary: the web layer answers 503 with {@code Retry-After}. The
 * message is safe to show: it names the store, never a URL, path or SQL.
 */
public final class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
