/**
 * OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) as plain documents: landing page, conformance, collections,
 * items pages and single items, and the parsing of the {@code bbox}, {@code limit} and {@code offset} parameters.
 * No HTTP here: the web adapter passes the public base URL in and writes the documents out, so the same code could
 * serve a static export or another framework.
 */
@NullMarked
package id.tapak.core.publish.features;

import org.jspecify.annotations.NullMarked;
