/**
 * The layer catalog: the project file {@code tapak.yml} bound to validated records ({@link
 * id.tapak.core.catalog.ProjectFile}), loading every layer through its source into EPSG:4326 with repairs counted
 * ({@link id.tapak.core.catalog.CatalogLoader}), one STRtree per layer ({@link id.tapak.core.catalog.LayerIndex}),
 * and the immutable snapshot every reader shares ({@link id.tapak.core.catalog.Catalog}).
 */
@NullMarked
package id.tapak.core.catalog;

import org.jspecify.annotations.NullMarked;
