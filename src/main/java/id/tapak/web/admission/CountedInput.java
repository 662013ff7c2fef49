package id.tapak.web.admission;

import id.tapak.web.problem.BodyLimitException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * Tomcat's input of one request, counted and timed below the servlet API, so every way of reading the body (a
 * JSON body, multipart parts, form parameters) passes here: more than {@code maxBytes} is 413; slower than
 * {@code minRate} bytes per second on average once {@code graceNanos} have passed, or longer than
 * {@code deadlineNanos} in all, is 408. A read that waits longer than the connection timeout for the next byte
 * (Tomcat's socket read timeout) is 408 too. Nothing is buffered here: the bytes go on to the reader as they come.
 */
final class CountedInput implements InputBuffer {

  private final InputBuffer in;
  private final long maxBytes;
  private final long minRate;
  private final long graceNanos;
  private final long deadlineNanos;
  private final long start = System.nanoTime();
  private long read;
  private volatile boolean tripped;

  CountedInput(InputBuffer in, long maxBytes, long minRate, long graceNanos, long deadlineNanos) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.minRate = minRate;
    this.graceNanos = graceNanos;
    this.deadlineNanos = deadlineNanos;
  }

  InputBuffer original() {
    return in;
  }

  /** Whether a limit refused this body (the rest of it is then not drained: the connection closes). */
  boolean tripped() {
    return tripped;
  }

  @Override
  public int doRead(ApplicationBufferHandler handler) throws IOException {
    check();
    int n;
    try {
      n = in.doRead(handler);
    } catch (SocketTimeoutException e) {
      throw trip(408, "the request body stopped arriving; send it without pauses");
    }
    if (n > 0) {
      read += n;
      if (read > maxBytes) {
        throw trip(413, "the request body is larger than the limit of " + maxBytes + " bytes");
      }
    }
    check();
    return n;
  }

  private void check() throws BodyLimitException {
    long elapsed = System.nanoTime() - start;
    if (elapsed > deadlineNanos) {
      throw trip(408, "the request body took longer than " + deadlineNanos / 1_000_000_000L + " s to arrive");
    }
    if (elapsed > graceNanos && read * 1_000_000_000L / elapsed < minRate) {
      throw trip(408, "the request body arrives slower than " + minRate + " bytes per second");
    }
  }

  private BodyLimitException trip(int status, String message) {
    tripped = true;
    return new BodyLimitException(status, message);
  }

  @Override
  public int available() {
    return in.available();
  }
}
