/**
 * The layer catalog: the project file {@code tapak.yml} bound to validated records ({@link
 * id.tapak.core.catalog.ProjectFile}), loading every layer through its source into EPSG:4326 with repairs counted
 * ({@link id.tapak.core.catalog.CatalogLoader}), the one layer interface every caller uses
 * ({@link id.tapak.core.catalog.Layer}: in memory with an STRtree, {@link id.tapak.core.catalog.MemoryLayer}, or live
 * in PostGIS), and the fixed set of layers every reader shares ({@link id.tapak.core.catalog.Catalog}).
 */
@NullMarked
package id.tapak.core.catalog;

import org.jspecify.annotations.NullMarked;
