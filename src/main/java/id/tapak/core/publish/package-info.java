/** Encoders for published formats (GeoJSON, OGC API Features documents, WMS). They read the catalog, never write it. */
@NullMarked
package id.tapak.core.publish;

import org.jspecify.annotations.NullMarked;
