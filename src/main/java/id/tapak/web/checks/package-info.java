/** {@code /api/checks}: submit a proposed site, read stored reports, list checks. */
@NullMarked
package id.tapak.web.checks;

import org.jspecify.annotations.NullMarked;
