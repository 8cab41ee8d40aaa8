package org.schoolcredits.storage;

import java.util.function.Supplier;

/**
 * Where a piece of work gets its transaction: the container's JTA ({@link JtaTransactions}), or one
 * connection per thread outside a container ({@link ThreadTransactions}, tests and benchmarks).
 */
public interface Transactions {

    /** True when this thread is inside a transaction already (the host's, say), whose fate the work must share. */
    boolean active();

    /** Runs {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
    <T> T inNew(Supplier<T> work);
}
