/** {@code /wms}: the HTTP adapter of the WMS 1.3.0 service in {@code core.publish.wms}, and its settings. */
@NullMarked
package id.tapak.web.wms;

import org.jspecify.annotations.NullMarked;
