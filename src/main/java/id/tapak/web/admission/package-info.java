/**
 * Admission control (docs/security.md): request bodies counted and timed as they stream in (size limit, minimum
 * rate, deadline), a cap on concurrent requests per client address, and bounded queues for heavy work (rendering,
 * checks, large item pages) answering 503 with {@code Retry-After} beyond them.
 */
@NullMarked
package id.tapak.web.admission;

import org.jspecify.annotations.NullMarked;
