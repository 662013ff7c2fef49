/**
 * Map drawing shared by every publisher that draws images (WMS GetMap, the report's site map, later tiles), with no
 * protocol in it: map CRSs and their projections from EPSG:4326 lon/lat ({@link id.tapak.core.publish.render.MapCrs},
 * {@link id.tapak.core.publish.render.BboxProjector}), geometry prepared for drawing (layers projected into packed
 * coordinate arrays with their own index, {@link id.tapak.core.publish.render.ProjectedLayer}), the Java2D renderer
 * over a {@link id.tapak.core.publish.render.MapView} and styles from {@code core.publish.style}
 * ({@link id.tapak.core.publish.render.MapRenderer}, {@link id.tapak.core.publish.render.FeaturePainter}), a fast
 * PNG encoder and a byte-bounded image cache keyed by the publisher. Protocol parsing and errors stay with the
 * publisher ({@code core.publish.wms}).
 */
@NullMarked
package id.tapak.core.publish.render;

import org.jspecify.annotations.NullMarked;
