package id.tapak.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem answers written by servlet filters (access control, admission control), which run before Spring MVC and
 * so before {@link ProblemHandler}: the same RFC 9457 members ({@code status}, {@code title}, {@code detail},
 * {@code instance}, {@code field}).
 */
public final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  /** Writes a problem+json answer unless the response is already committed. */
  public static void write(HttpServletRequest req, HttpServletResponse res, int status, String detail,
      @Nullable String field) throws IOException {
    if (res.isCommitted()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "about:blank");
    p.put("title", known == null ? "Error" : known.getReasonPhrase());
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", req.getRequestURI());
    if (field != null) {
      p.put("field", field);
    }
    byte[] body = JSON.writeValueAsBytes(p);
    res.setStatus(status);
    res.setContentType(ProblemHandler.PROBLEM_JSON.toString());
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
    res.flushBuffer();
  }
}
