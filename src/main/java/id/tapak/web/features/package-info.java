/**
 * HTTP adapter for OGC API – Features under {@code /ogc}: resolves the public base URL, hands raw parameters to
 * {@code core.publish.features} and writes its documents. Errors go to {@code web.problem} as problem+json.
 */
@NullMarked
package id.tapak.web.features;

import org.jspecify.annotations.NullMarked;
