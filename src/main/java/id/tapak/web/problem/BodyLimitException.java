package id.tapak.web.problem;

import java.io.IOException;

/**
 * A request body broke an admission limit while it was read: too large (413), too slow or too long (408). An
 * {@link IOException}, so it travels through whatever was reading (a message converter, the multipart parser) and
 * {@code ProblemHandler} finds it among the causes.
 */
public final class BodyLimitException extends IOException {

  private final int status;
  private final String field;

  public BodyLimitException(int status, String message) {
    super(message);
    this.status = status;
    this.field = "body";
  }

  /** 408 or 413. */
  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
