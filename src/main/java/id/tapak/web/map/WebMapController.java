package id.tapak.web.map;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/webmap}: what the page at {@code /} needs to know beyond the layer catalog. */
@RestController
@EnableConfigurationProperties(WebMapProperties.class)
class WebMapController {

  private final WebMapProperties props;

  WebMapController(WebMapProperties props) {
    this.props = props;
  }

  @GetMapping(value = "/api/webmap", produces = "application/json")
  Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("basemapUrl", props.basemapUrl().isBlank() ? null : props.basemapUrl());
    m.put("basemapAttribution", props.basemapAttribution());
    return m;
  }
}
