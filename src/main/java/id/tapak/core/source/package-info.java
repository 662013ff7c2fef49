/**
 * Reading layers from the formats planners hold. One small interface ({@link id.tapak.core.source.LayerSource}),
 * a closed enum of types ({@link id.tapak.core.source.SourceType}) and one exhaustive switch
 * ({@link id.tapak.core.source.LayerSources}); each format lives in its own subpackage and the subpackages never
 * import each other. Sources hand out geometries in their own CRS; reprojection and repair happen in the catalog.
 */
@NullMarked
package id.tapak.core.source;

import org.jspecify.annotations.NullMarked;
