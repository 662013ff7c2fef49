/**
 * WMS 1.3.0 without Spring: validated request records parsed from a case-insensitive parameter map, the layer set
 * a WMS client sees ({@link id.tapak.core.publish.wms.WmsLayers}), capabilities (StAX), feature info and legends; maps
 * are drawn by the shared renderer of {@code core.publish.render} (projection, geometry preparation, Java2D, PNG,
 * image cache), which knows nothing of WMS. Every failure is a
 * {@link id.tapak.core.publish.wms.WmsException} carrying its OGC exception code.
 */
@NullMarked
package id.tapak.core.publish.wms;

import org.jspecify.annotations.NullMarked;
