package id.tapak.core.store;

import id.tapak.core.rulebook.CheckFeatures;

/**
 * A check store as the service wires it: the API writes and reads checks through {@link CheckStore}, the WMS draws
 * them through {@link CheckFeatures}. Both implementations are both, so one bean serves both roles.
 */
public interface StoredChecks extends CheckStore, CheckFeatures {}
