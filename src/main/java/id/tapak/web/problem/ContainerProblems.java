package id.tapak.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any Spring code runs (a raw {@code [} or {@code %00} in the URL, an encoded
 * slash in a path), as {@code application/problem+json} instead of Tomcat's HTML page. Replaces the host's error
 * report valve that Spring Boot installs; runs after Boot's own customizer (lowest precedence) so it wins.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (!(context.getParent() instanceof Host host)) {
        return;
      }
      Pipeline pipeline = host.getPipeline();
      for (Valve v : pipeline.getValves()) {
        if (v instanceof ErrorReportValve) {
          pipeline.removeValve(v);
        }
      }
      pipeline.addValve(new ProblemValve());
      if (host instanceof StandardHost sh) {
        sh.setErrorReportValveClass(ProblemValve.class.getName()); // so host start adds no HTML valve back
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Writes a minimal problem document (status and title only: Tomcat's messages may echo the raw request). */
  public static final class ProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail = status < 500 ? "the server cannot read this request; percent-encode special characters in "
          + "the URL" : "an internal error occurred; it has been logged";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer w = response.getReporter();
        if (w != null) {
          w.write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response is already committed: nothing more to say
      }
    }
  }
}
