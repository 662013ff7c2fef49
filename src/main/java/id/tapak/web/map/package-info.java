/**
 * The web map at {@code /} (static files in {@code src/main/resources/static}, OpenLayers from its WebJar) and its
 * settings endpoint {@code /api/webmap}.
 */
@NullMarked
package id.tapak.web.map;

import org.jspecify.annotations.NullMarked;
