package id.tapak.web.wms;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.corridor.CorridorLayers;
import id.tapak.core.corridor.CorridorService;
import id.tapak.core.publish.render.TileCache;
import id.tapak.core.publish.wms.WmsLayers;
import id.tapak.core.publish.wms.WmsService;
import id.tapak.core.store.StoredChecks;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the WMS: the layers (catalog, the check store's layers, the corridors' suitability grids and candidate
 * sites), the tile cache and the service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WmsProperties.class)
class WmsConfiguration {

  @Bean
  WmsService wmsService(Catalog catalog, ObjectProvider<StoredChecks> checks, CorridorService corridors,
      WmsProperties props, id.tapak.app.LimitsProperties limits) {
    StoredChecks store = checks.getIfAvailable();
    WmsLayers layers = new WmsLayers(catalog, store == null ? List.of() : List.of(store.sites(), store.conflicts()),
        CorridorLayers.wms(corridors, catalog));
    return new WmsService(layers, props.maxWidth(), props.maxHeight(),
        new TileCache(props.cacheSize(), limits.tileCacheBytes().toBytes()), props.contact().toCore(),
        limits.renderBudget());
  }
}
