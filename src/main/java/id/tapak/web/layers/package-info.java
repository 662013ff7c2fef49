/** {@code /api/layers}: the catalog in Tapak's own JSON shape, for the web map and scripts. */
@NullMarked
package id.tapak.web.layers;

import org.jspecify.annotations.NullMarked;
