package id.tapak.core.publish.features;

import java.util.List;

/**
 * The landing page ({@code /ogc}): what the service is and where the API definition, the conformance declaration
 * and the collections are ({@code service-desc}, {@code service-doc}, {@code conformance}, {@code data}).
 *
 * @param title service title, Indonesian / English
 * @param description one paragraph about the service
 * @param links absolute links
 */
public record LandingPage(String title, String description, List<Link> links) {
  public LandingPage {
    links = List.copyOf(links);
  }
}
