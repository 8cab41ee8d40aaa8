package org.schoolcredits.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.storage.Transactions;

/**
 * Group commit of spends: reserves and captures that arrive at the same time, from any thread and
 * for any schools, are applied together in one transaction ({@link Ledger#apply(List)}): one
 * commit, one flush, each school's balance row locked once, each operation still decided on its
 * own in arrival order. A caller is answered once its batch has committed, so a crash loses no
 * answered operation; an unanswered one may have been applied, and its reference (or
 * Idempotency-Key) makes a retry safe.
 * <p>
 * Batches form by themselves: each of a few workers takes everything queued whenever it is free,
 * so an operation alone goes at once, and under load an operation waits for at most one batch.
 * When a batch fails as a whole (a database error, a reference charged before), its operations are
 * applied again one by one, each in its own transaction, so that one bad operation fails alone.
 * <p>
 * What is called inside a transaction already (the host's: a learner registration, a message's
 * holds) is applied there at once, and commits or rolls back with it.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    private record Waiting(Operation operation, CompletableFuture<Hold> answer) {
    }

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    private Ledger ledger;
    private Transactions transactions;
    private int workers;
    private int most;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean stopped;

    protected GroupCommit() {
    }

    /**
     * @param workers how many batches may be under way at once
     * @param most    the most operations in one batch
     */
    @Inject
    @ConfigProperties
    SpendsConfig config;

    @Inject
    public GroupCommit(Ledger ledger, Transactions transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    @PostConstruct
    void configure() {
        this.workers = config.workers;
        this.most = config.batch;
    }

    /** Outside a container: the workers are made by {@code threads}. */
    public GroupCommit(Ledger ledger, Transactions transactions, int workers, int most, ThreadFactory threads) {
        this(ledger, transactions);
        this.workers = workers;
        this.most = most;
        this.threads = threads;
    }

    /** Applies {@code operation} in the caller's transaction if there is one, else with whatever arrives with it. */
    public Hold apply(Operation operation) {
        if (transactions.active()) {
            return ledger.apply(operation);
        }
        Ledger.requirePositive(operation);
        Waiting waiting = new Waiting(operation, new CompletableFuture<>());
        if (!started) {
            start();
        }
        queue.add(waiting);
        if (stopped) {
            refuseQueued();
        }
        try {
            return waiting.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many operations wait for a worker (for tests). */
    int queued() {
        return queue.size();
    }

    private synchronized void start() {
        if (started || stopped) {
            return;
        }
        for (int i = 0; i < workers; i++) {
            Thread worker = threads.newThread(this::work);
            worker.setName("credits-group-commit-" + i);
            worker.setDaemon(true);
            worker.start();
            running.add(worker);
        }
        started = true;
    }

    private void work() {
        while (!stopped) {
            List<Waiting> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, most - 1);
            try {
                commit(batch);
            } catch (Throwable unexpected) { // a worker outlives anything: nobody may wait for ever
                LOG.log(Level.SEVERE, "School Credits: a batch of spends failed", unexpected);
                batch.forEach(waiting -> waiting.answer().completeExceptionally(unexpected));
            }
        }
        refuseQueued();
    }

    private void commit(List<Waiting> batch) {
        List<Operation.Outcome> outcomes;
        try {
            outcomes = transactions.inNew(() -> ledger.apply(batch.stream().map(Waiting::operation).toList()));
        } catch (RuntimeException failed) {
            oneByOne(batch, failed);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Operation.Outcome outcome = outcomes.get(i);
            if (outcome.refusal() == null) {
                batch.get(i).answer().complete(outcome.hold());
            } else {
                batch.get(i).answer().completeExceptionally(outcome.refusal());
            }
        }
    }

    /** After a batch failed as a whole: an operation alone gets the failure, each of several its own transaction. */
    private void oneByOne(List<Waiting> batch, RuntimeException failed) {
        if (batch.size() == 1) {
            batch.get(0).answer().completeExceptionally(failed);
            return;
        }
        LOG.log(Level.FINE, "School Credits: a batch of " + batch.size() + " spends failed as a whole, applying"
                + " them one by one", failed);
        for (Waiting waiting : batch) {
            try {
                waiting.answer().complete(transactions.inNew(() -> ledger.apply(waiting.operation())));
            } catch (RuntimeException refused) {
                waiting.answer().completeExceptionally(refused);
            }
        }
    }

    private void refuseQueued() {
        for (Waiting waiting = queue.poll(); waiting != null; waiting = queue.poll()) {
            waiting.answer().completeExceptionally(new CreditsException(ProblemCode.SERVICE_UNAVAILABLE,
                    "The plugin is stopping; nothing was charged"));
        }
    }

    /** Stops the workers once their batch is done; what is still queued is refused, never applied. */
    @PreDestroy
    public synchronized void stop() {
        stopped = true;
        running.forEach(Thread::interrupt);
        refuseQueued();
    }
}
