package id.tapak.app;

import id.tapak.core.store.CheckStore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checks ({@code tapak.checks.*}): where they are stored, and limits on a submitted proposal (over a limit the
 * answer is 413 problem+json).
 *
 * @param store {@code sqlite} (default: {@code <data-dir>/checks.sqlite}) or {@code postgis} (schema {@code tapak}
 *     of {@code tapak.database.url}, shared by every instance); environment {@code TAPAK_CHECKS_STORE}
 * @param maxVertices most positions over all site and zone geometries (default 50,000)
 * @param maxBytes largest JSON body or uploaded file in bytes (default 20 MiB)
 * @param maxFeatures most features in a FeatureCollection (default 1,000)
 */
@ConfigurationProperties("tapak.checks")
public record ChecksProperties(
    @DefaultValue("sqlite") CheckStore.StoreType store,
    @DefaultValue("50000") int maxVertices,
    @DefaultValue("20971520") long maxBytes,
    @DefaultValue("1000") int maxFeatures) {}
