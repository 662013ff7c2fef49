package id.tapak.web.problem;

import id.tapak.core.model.TapakException;
import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.store.StoreUnavailableException;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures raised in Spring MVC become RFC 9457 {@code application/problem+json} answers, and
 * where a {@link TapakException}'s kind becomes its HTTP status. A problem names the field or parameter at fault
 * ({@code field}); the detail is a safe, user-facing sentence, scrubbed once more of paths, SQLite codes and class
 * names ({@link SafeText}). Unexpected exceptions are logged with their stack trace and answered 500 with no
 * internals; a client that went away (broken pipe, aborted upload) is logged at DEBUG and answered nothing. A body
 * refused by admission control while it was read ({@link BodyLimitException}, found among the causes)
 * keeps its 408 or 413. The WMS controller answers its own failures as OGC exception reports before they reach
 * here. Filters and valves that answer before MVC use {@link ProblemResponses}. Spring's own problem-details advice
 * is switched off ({@code spring.mvc.problemdetails.enabled: false}) so that it cannot answer first without the
 * {@code field} member.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  /** Builds a problem answer; public so other advice and filters answer the same way. */
  public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
      @Nullable String field, @Nullable HttpServletRequest req) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, SafeText.scrub(detail));
    p.setTitle(title);
    if (req != null) {
      p.setInstance(URI.create(req.getRequestURI()));
    }
    if (field != null) {
      p.setProperty("field", field);
    }
    return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(p);
  }

  @ExceptionHandler(TapakException.class)
  ResponseEntity<ProblemDetail> tapak(TapakException e, HttpServletRequest req) {
    HttpStatus s = HttpStatus.valueOf(e.kind().httpStatus());
    ResponseEntity<ProblemDetail> p = problem(s, s.getReasonPhrase(), e.getMessage(), e.field(), req);
    if (e.kind() == TapakException.Kind.OVER_BUDGET) {
      // the time budget was spent (the service is busy, or the request is costly): nothing was stored, try later
      return ResponseEntity.status(p.getStatusCode()).headers(p.getHeaders()).header("Retry-After", "10")
          .body(p.getBody());
    }
    return p;
  }

  /** The store cannot serve now (database down, disk full): temporary, nothing was written; try again shortly. */
  @ExceptionHandler({StoreUnavailableException.class, LayerUnavailableException.class})
  ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e, HttpServletRequest req) {
    LOG.warn("{} {}: {}", req.getMethod(), req.getRequestURI(), e.getMessage());
    ResponseEntity<ProblemDetail> p = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
        e.getMessage() + "; try again shortly", null, req);
    return ResponseEntity.status(p.getStatusCode()).headers(p.getHeaders()).header("Retry-After", "5")
        .body(p.getBody());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest req) {
    return problem(HttpStatus.BAD_REQUEST, "Bad Request", "parameter '" + e.getParameterName() + "' is required",
        e.getParameterName(), req);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
    return problem(HttpStatus.BAD_REQUEST, "Bad Request",
        "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'", e.getName(), req);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  @Nullable ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
    if (bodyLimit(e) != null || clientGone(e)) {
      return unexpected(e, req);
    }
    return problem(HttpStatus.BAD_REQUEST, "Bad Request", "the request body is not readable JSON", "body", req);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
        "content type " + e.getContentType() + " is not supported; supported: " + e.getSupportedMediaTypes(),
        "Content-Type", req);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
    return problem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
        "none of the requested media types can be produced; available: " + e.getSupportedMediaTypes(), "Accept", req);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
        "method " + e.getMethod() + " is not allowed here", null, req);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest req) {
    return problem(HttpStatus.NOT_FOUND, "Not Found", "no resource at " + req.getRequestURI(), null, req);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @Nullable ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest req) {
    if (bodyLimit(e) != null || clientGone(e)) {
      return unexpected(e, req);
    }
    return problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", "the upload exceeds the size limit", "file",
        req);
  }

  @ExceptionHandler(MultipartException.class)
  @Nullable ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest req) {
    if (bodyLimit(e) != null || clientGone(e)) {
      return unexpected(e, req);
    }
    return problem(HttpStatus.BAD_REQUEST, "Bad Request", "the multipart upload is malformed", "file", req);
  }

  /** Tomcat decodes query strings lazily; a broken percent-escape ({@code bbox=%zz}) surfaces here. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e, HttpServletRequest req) {
    return problem(HttpStatus.BAD_REQUEST, "Bad Request",
        "the query string is not valid percent-encoded UTF-8", null, req);
  }

  /** A body refused by admission control while it streamed in, if that is among the causes. */
  static @Nullable BodyLimitException bodyLimit(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyLimitException b) {
        return b;
      }
    }
    return null;
  }

  /** Whether the failure is the client going away: nothing can be answered and nothing is wrong here. */
  static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClientAbortException || t instanceof AsyncRequestNotUsableException) {
        return true;
      }
      String m = t.getMessage();
      if (t instanceof java.io.IOException && m != null && (m.contains("Broken pipe")
          || m.contains("Connection reset by peer"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Anything else. A refused body keeps its 408/413; a client that went away is logged at DEBUG and answered
   * nothing (null: the response is left as it is). Spring's own request failures carry their status
   * ({@link ErrorResponse}): a 4xx keeps it and Spring's short, internals-free detail; the rest is a bug, logged and
   * answered 500.
   */
  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) {
    BodyLimitException limit = bodyLimit(e);
    if (limit != null) {
      return problem(HttpStatusCode.valueOf(limit.status()), limit.status() == 413 ? "Content Too Large"
          : "Request Timeout", limit.getMessage(), limit.field(), req);
    }
    if (clientGone(e)) {
      LOG.debug("client went away during {} {}: {}", req.getMethod(), req.getRequestURI(), e.toString());
      return null;
    }
    if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
      String detail = er.getBody().getDetail();
      HttpStatusCode s = er.getStatusCode();
      HttpStatus known = HttpStatus.resolve(s.value());
      return problem(s, known == null ? "Client Error" : known.getReasonPhrase(),
          detail == null ? "the request cannot be served" : detail, null, req);
    }
    LOG.error("unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
        "an internal error occurred; it has been logged", null, req);
  }
}
