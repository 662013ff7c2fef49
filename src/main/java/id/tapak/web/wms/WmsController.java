package id.tapak.web.wms;

import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.model.TapakException;
import id.tapak.core.publish.wms.ExceptionReportWriter;
import id.tapak.core.publish.wms.WmsException;
import id.tapak.core.publish.wms.WmsParameters;
import id.tapak.core.publish.wms.WmsService;
import id.tapak.web.problem.SafeText;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /wms} (and form-encoded POST): WMS 1.3.0. Parameters are read case-insensitively and handed to
 * {@link WmsService}. Request failures are answered as an OGC {@code ServiceExceptionReport} with <b>HTTP 200</b>
 * and {@code text/xml} (what MapServer and GeoServer do, and what GDAL and QGIS expect), or as an image for GetMap
 * with EXCEPTIONS=INIMAGE / BLANK; unexpected failures as a report with code NoApplicableCode and HTTP 500.
 */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
class WmsController {

  private static final Logger LOG = LoggerFactory.getLogger(WmsController.class);

  private final WmsService wms;
  private final String baseUrl;

  WmsController(WmsService wms, id.tapak.app.TapakProperties tapak) {
    this.wms = wms;
    this.baseUrl = tapak.baseUrl();
  }

  @RequestMapping(path = "/wms", method = {RequestMethod.GET, RequestMethod.POST})
  ResponseEntity<byte[]> wms(HttpServletRequest request) {
    Map<String, String> raw = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> raw.put(k, v.length == 0 ? "" : v[0]));
    WmsParameters p = WmsParameters.of(raw);
    try {
      WmsService.Response r = wms.handle(p, onlineResource(request));
      return ResponseEntity.ok().contentType(MediaType.parseMediaType(r.contentType()))
          .cacheControl(CacheControl.noCache()).body(r.body());
    } catch (TapakException e) {
      // a WmsException, or a shared parser's error: the OGC code comes from the one error type
      String message = SafeText.scrub(e.getMessage());
      WmsService.Response img = wms.exceptionImage(p, e.ogcCode(), message);
      if (img != null) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(img.contentType())).body(img.body());
      }
      return report(HttpStatus.OK, e.ogcCode(), e.field(), message);
    } catch (StackOverflowError e) {
      // a parser without its own depth limit met a deeply nested SLD or filter: the client's input, not a bug
      LOG.warn("WMS request nested too deeply ({} bytes of parameters)", raw.values().stream()
          .mapToInt(String::length).sum());
      return report(HttpStatus.OK, WmsException.INVALID_PARAMETER, "SLD_BODY",
          "the request is nested too deeply to be read");
    } catch (LayerUnavailableException e) {
      // a live layer's database is down: temporary, so 503 + Retry-After, with the OGC report as the body
      LOG.warn("WMS: {}", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
          .contentType(MediaType.parseMediaType(ExceptionReportWriter.MEDIA_TYPE))
          .body(ExceptionReportWriter.xml("NoApplicableCode", null, e.getMessage() + "; try again shortly"));
    } catch (RuntimeException e) {
      LOG.error("WMS request failed: {}", request.getQueryString(), e);
      return report(HttpStatus.INTERNAL_SERVER_ERROR, "NoApplicableCode", null,
          "an internal error occurred; it has been logged");
    }
  }

  private static ResponseEntity<byte[]> report(HttpStatus status, String code, String locator, String message) {
    return ResponseEntity.status(status).contentType(MediaType.parseMediaType(ExceptionReportWriter.MEDIA_TYPE))
        .body(ExceptionReportWriter.xml(code, locator, message));
  }

  /** {@code tapak.base-url}/wms when configured (behind a proxy), else the URL the request came in on. */
  private String onlineResource(HttpServletRequest request) {
    if (!baseUrl.isBlank()) {
      return baseUrl.replaceAll("/+$", "") + "/wms";
    }
    return request.getRequestURL().toString();
  }
}
