package id.tapak.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on a submitted proposal ({@code tapak.checks.*}); over a limit the answer is 413 problem+json.
 *
 * @param maxVertices most positions over all site and zone geometries (default 50,000)
 * @param maxBytes largest JSON body or uploaded file in bytes (default 20 MiB)
 * @param maxFeatures most features in a FeatureCollection (default 1,000)
 */
@ConfigurationProperties("tapak.checks")
public record ChecksProperties(
    @DefaultValue("50000") int maxVertices,
    @DefaultValue("20971520") long maxBytes,
    @DefaultValue("1000") int maxFeatures) {}
