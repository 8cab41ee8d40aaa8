package org.schoolcredits.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.storage.Jdbc;

/**
 * The stored {@code Idempotency-Key}s (table {@code idempotency_key}): each claimed by its first
 * request and kept with its answer for {@code credits.idempotency.ttl} (a day by default, as Stripe
 * keeps keys), after which the key counts as never used and a sweep deletes it. Claiming is one
 * statement, never a look-up first.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** At most this many keys are deleted per statement of the sweep. */
    public static final int BATCH = 1000;

    /** A claim committed without an answer ({@link Idempotency#onceInSteps}) this long ago was left by a crash. */
    public static final Duration ABANDONED = Duration.ofMinutes(5);

    /** The first answer kept under a key, and the fingerprint of the request that got it. */
    public record Stored(String fingerprint, int status, String body) {
    }

    private Jdbc db;
    private CreditsClock clock;
    private Duration ttl;

    protected IdempotencyKeys() {
    }

    @Inject
    @ConfigProperties
    IdempotencyConfig config;

    @Inject
    public IdempotencyKeys(Jdbc db, CreditsClock clock) {
        this.db = db;
        this.clock = clock;
    }

    @PostConstruct
    void configure() {
        this.ttl = config.ttl;
    }

    public IdempotencyKeys(Jdbc db, CreditsClock clock, Duration ttl) {
        this(db, clock);
        this.ttl = ttl;
    }

    /**
     * Claims {@code key} for a request in the caller's transaction: true when the key is new, or its
     * earlier use has expired (it then starts again, for this request); false when a live key holds
     * an earlier request (see {@link #stored}). A concurrent claim of the same key waits for this one.
     * A claim committed without an answer more than {@link #ABANDONED} ago counts as given back.
     */
    public boolean claim(String scope, String key, String fingerprint) {
        Instant now = clock.now();
        return db.update("insert into idempotency_key (school_id, key, request_hash, status, created_at)"
                + " values (?, ?, ?, 0, ?) on conflict (school_id, key) do update set request_hash = excluded.request_hash,"
                + " status = 0, body = null, created_at = excluded.created_at"
                + " where idempotency_key.created_at <= ? or (idempotency_key.status = 0 and idempotency_key.created_at <= ?)",
                scope, key, fingerprint, now, now.minus(ttl), now.minus(ABANDONED)) == 1;
    }

    /** Gives back a claim that got no answer (its request failed), so that the request may be tried again. */
    public void release(String scope, String key) {
        db.update("delete from idempotency_key where school_id = ? and key = ? and status = 0", scope, key);
    }

    /** Keeps the answer of the request that claimed {@code key}. */
    public void answer(String scope, String key, int status, String body) {
        db.update("update idempotency_key set status = ?, body = ? where school_id = ? and key = ?", status, body,
                scope, key);
    }

    public Optional<Stored> stored(String scope, String key) {
        return db.one("select request_hash, status, body from idempotency_key where school_id = ? and key = ?",
                rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)), scope, key);
    }

    /** Deletes up to {@code limit} expired keys, oldest first, skipping those another transaction holds; returns how many. */
    @Transactional
    public int expire(int limit) {
        return db.update("delete from idempotency_key where (school_id, key) in (select school_id, key from"
                + " idempotency_key where created_at <= ? order by created_at limit ? for update skip locked)",
                clock.now().minus(ttl), limit);
    }
}
