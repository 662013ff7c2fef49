package id.tapak.web.map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /checks/{id}}: a readable address for a shared check; it serves the web map, which opens that check (the
 * same as {@code /?check={id}}).
 */
@Controller
class WebMapPages {

  @GetMapping("/checks/{id:[A-Za-z0-9_-]{1,64}}")
  String check() {
    return "forward:/index.html";
  }
}
