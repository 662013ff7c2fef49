package id.tapak.web.admission;

import id.tapak.web.problem.ProblemResponses;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * The first Tomcat code a request meets after its headers (a context valve, so after the {@code RemoteIpValve} that
 * resolves a trusted proxy's client address): at most {@code perClient} requests of one address in progress (429
 * beyond), a {@code Content-Length} over {@code maxBody} refused at once (413), and the body counted and timed as it
 * streams ({@link CountedInput}). When the answer is an error and the body was not read to its end, Tomcat is told
 * not to drain it: the connection closes after the answer instead of a worker waiting on a slow or huge body.
 */
final class AdmissionValve extends ValveBase {

  private final AdmissionProperties limits;
  private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  AdmissionValve(AdmissionProperties limits) {
    super(true);
    this.limits = limits;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    String client = request.getRemoteAddr();
    if (inFlight.merge(client, 1, Integer::sum) > limits.perClient()) {
      release(client);
      response.setHeader("Retry-After", "1");
      refuse(request, response, 429, "too many requests from this address at once (the limit is "
          + limits.perClient() + "); wait for the answers, then send more", null);
      return;
    }
    org.apache.coyote.Request coyote = request.getCoyoteRequest();
    CountedInput counted = null;
    try {
      long length = request.getContentLengthLong();
      if (length > limits.maxBody().toBytes()) {
        refuse(request, response, 413, "the request body has " + length + " bytes, more than the limit of "
            + limits.maxBody().toBytes(), "body");
        return;
      }
      counted = new CountedInput(coyote.getInputBuffer(), limits.maxBody().toBytes(),
          limits.bodyMinRate().toBytes(), limits.bodyGrace().toNanos(), limits.bodyTimeout().toNanos());
      coyote.setInputBuffer(counted);
      getNext().invoke(request, response);
    } finally {
      if (counted != null) {
        coyote.setInputBuffer(counted.original());
        closeUnread(response, coyote, counted.tripped());
      }
      release(client);
    }
  }

  /**
   * Tells Tomcat not to drain the rest of a refused body, so the connection closes after the answer instead of a
   * worker reading a slow or huge body nobody wants. The answer says {@code Connection: close} first, so a client
   * does not reuse the connection. A pending error page (a read that failed, e.g. a limit) is written by
   * {@code ProblemErrorController} with a fixed length and {@code Connection: close}; an answer not yet sent is
   * finished here before the connection is marked; one already sent without the header is left to Tomcat, which
   * drains at most {@code server.tomcat.max-swallow-size} and then closes.
   */
  private static void closeUnread(Response response, org.apache.coyote.Request coyote, boolean tripped)
      throws IOException {
    if (!tripped && (response.getStatus() < 400 || !unread(coyote))) {
      return;
    }
    if (tripped || response.isError()) {
      coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    } else if (!response.isCommitted()) {
      response.setHeader("Connection", "close");
      response.finishResponse();
      coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    } else if ("close".equalsIgnoreCase(response.getHeader("Connection"))) {
      coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }
  }

  /** Whether part of the body was not read: fewer bytes than its length, or a chunked body not read at all. */
  private static boolean unread(org.apache.coyote.Request coyote) {
    long length = coyote.getContentLengthLong();
    return length > 0 ? coyote.getBytesRead() < length
        : coyote.getHeader("Transfer-Encoding") != null && coyote.getBytesRead() == 0;
  }

  private void release(String client) {
    inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Answers before the body is read (it never will be): with {@code Connection: close}, and no draining. */
  private static void refuse(Request request, Response response, int status, String detail,
      @org.jspecify.annotations.Nullable String field) throws IOException {
    ProblemResponses.write(request, response, status, detail, field);
    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
  }
}
