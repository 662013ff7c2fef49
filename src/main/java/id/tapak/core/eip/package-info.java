/**
 * The eco-industrial park (EIP) view: for every estate of the estate layers, the spatial indicators Tapak can compute,
 * grouped by the PP 20/2024 Art. 79 dimensions, and the indicators it cannot compute, each with its reason.
 * No Spring; reuses the rulebook's checks and the corridor engine's coverage.
 */
@NullMarked
package id.tapak.core.eip;

import org.jspecify.annotations.NullMarked;
