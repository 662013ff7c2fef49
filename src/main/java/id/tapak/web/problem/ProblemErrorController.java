package id.tapak.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, in place of Spring Boot's JSON error page: what the container sends there (a {@code sendError}
 * from Tomcat, e.g. after a request body failed while it was read) is answered as problem+json, or as a WMS
 * ServiceExceptionReport for {@code /wms}, with no internals. A body refused by admission control keeps its 408 or
 * 413 (Tomcat itself says 400 for any read failure). A request for {@code /error} itself is 404, never a 500.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  void error(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "/error" : uri.toString().substring(req.getContextPath().length());
    BodyLimitException limit = ProblemHandler.bodyLimit((Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    if (limit != null) {
      ProblemResponses.write(req, path, res, limit.status(), limit.getMessage(), limit.field());
      return;
    }
    int status = code instanceof Integer i && i >= 400 ? i : 404;
    String detail = code == null ? "no resource at /error"
        : status < 500 ? "the server cannot serve this request" : "an internal error occurred; it has been logged";
    ProblemResponses.write(req, path, res, status, detail, null);
  }
}
