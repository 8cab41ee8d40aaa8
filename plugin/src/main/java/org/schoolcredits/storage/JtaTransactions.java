package org.schoolcredits.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/** {@link Transactions} in the container: JTA's own. */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    /** Active, or marked to roll back (work done in it rolls back with it); not one that is ending. */
    @Override
    public boolean active() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Supplier<T> work) {
        return work.get();
    }
}
