/**
 * WMS 1.3.0 without Spring: validated request records parsed from a case-insensitive parameter map, the layer set
 * a WMS client sees ({@link id.tapak.core.publish.wms.WmsLayers}), a Java2D map renderer over pre-projected layers,
 * a fast PNG encoder, a tile cache, capabilities (StAX), feature info and legends. Every failure is a
 * {@link id.tapak.core.publish.wms.WmsException} carrying its OGC exception code.
 */
@NullMarked
package id.tapak.core.publish.wms;

import org.jspecify.annotations.NullMarked;
