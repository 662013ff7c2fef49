/**
 * Map styles: the symbolizer model ({@link id.tapak.core.publish.style.Style}), the default style per layer role
 * (ATR/BPN pola-ruang colours), and a reader for the supported SLD 1.0 subset that refuses DTDs and external entities.
 * Styles are data, shared by the WMS and any later publisher; nothing here draws.
 */
@NullMarked
package id.tapak.core.publish.style;

import org.jspecify.annotations.NullMarked;
