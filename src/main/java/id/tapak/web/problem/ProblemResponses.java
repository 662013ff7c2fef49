package id.tapak.web.problem;

import id.tapak.core.publish.wms.ExceptionReportWriter;
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
 * Problem answers written by servlet filters and valves (access control, admission control), which run before
 * Spring MVC and so before {@link ProblemHandler}: the same RFC 9457 members ({@code status}, {@code title},
 * {@code detail}, {@code instance}, {@code field}). A request to {@code /wms} gets an OGC ServiceExceptionReport
 * with the same status instead, the format WMS clients read.
 */
public final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  /** Writes a problem+json answer unless the response is already committed. */
  public static void write(HttpServletRequest req, HttpServletResponse res, int status, String detail,
      @Nullable String field) throws IOException {
    write(req, req.getRequestURI().substring(req.getContextPath().length()), res, status, detail, field);
  }

  /**
   * Writes a problem about {@code path} (the request path below the context path). The answer has a fixed length;
   * when the request has a body that will now not be read, it says {@code Connection: close} (admission control
   * then closes the connection rather than drain the body).
   */
  static void write(HttpServletRequest req, String path, HttpServletResponse res, int status, String detail,
      @Nullable String field) throws IOException {
    if (res.isCommitted()) {
      return;
    }
    if (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null) {
      res.setHeader("Connection", "close");
    }
    if (path.startsWith("/wms")) {
      byte[] xml = ExceptionReportWriter.xml(null, field, detail);
      res.setStatus(status);
      res.setContentType(ExceptionReportWriter.MEDIA_TYPE + ";charset=UTF-8");
      res.setContentLength(xml.length);
      res.getOutputStream().write(xml);
      res.flushBuffer();
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "about:blank");
    p.put("title", known == null ? "Error" : known.getReasonPhrase());
    p.put("status", status);
    p.put("detail", SafeText.scrub(detail));
    p.put("instance", path);
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
