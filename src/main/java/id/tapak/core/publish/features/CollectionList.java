package id.tapak.core.publish.features;

import java.util.List;

/**
 * The collections document ({@code /ogc/collections}), in project-file order.
 *
 * @param links {@code self}
 * @param collections one entry per layer
 */
public record CollectionList(List<Link> links, List<CollectionInfo> collections) {
  public CollectionList {
    links = List.copyOf(links);
    collections = List.copyOf(collections);
  }
}
