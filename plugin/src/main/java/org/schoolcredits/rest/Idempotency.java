package org.schoolcredits.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * Runs a state-changing call at most once per {@code Idempotency-Key}: the key is inserted in
 * the same transaction as the call's effect (a unique constraint, never a look-up first) and
 * stored with the first answer, which a repeat with the same request receives again. The same
 * key with another request answers 409. A key expires after {@code credits.idempotency.ttl}
 * ({@link IdempotencyKeys}): used again after that, it is a new request.
 */
@ApplicationScoped
public class Idempotency {

    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);

    @Inject
    IdempotencyKeys keys;

    /**
     * Runs {@code effect} in one transaction, at most once per key.
     *
     * @param scope   whose keys these are: the school, or the platform user
     * @param request what identifies the request: method, path and canonical body
     */
    @Transactional
    public Response once(String scope, String key, String request, Supplier<Response> effect) {
        if (key == null) {
            return effect.get();
        }
        String fingerprint = fingerprint(key, request);
        if (!keys.claim(scope, key, fingerprint)) {
            return replay(scope, key, fingerprint);
        }
        return answered(scope, key, effect.get());
    }

    /**
     * As {@link #once}, for an effect that commits in steps of its own and calls another system
     * between them (a card purchase and its Stripe checkout), so that no transaction is held open
     * around it: the key is claimed and committed first, the answer stored when the effect ends. A
     * repeat while the first still runs answers 409 {@code idempotency_key_in_use}; an effect that
     * fails gives its key back, so the same request may be tried again; a claim left by a crash is
     * given back after {@link IdempotencyKeys#ABANDONED}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Response onceInSteps(String scope, String key, String request, Supplier<Response> effect) {
        if (key == null) {
            return effect.get();
        }
        String fingerprint = fingerprint(key, request);
        if (!keys.claim(scope, key, fingerprint)) {
            return replay(scope, key, fingerprint);
        }
        Response response;
        try {
            response = effect.get();
        } catch (RuntimeException e) {
            keys.release(scope, key);
            throw e;
        }
        return answered(scope, key, response);
    }

    private static String fingerprint(String key, String request) {
        if (key.isBlank() || key.length() > 200) {
            throw new CreditsException(ProblemCode.IDEMPOTENCY_KEY_INVALID,
                    "The Idempotency-Key must have 1 to 200 characters");
        }
        return sha256(request);
    }

    private Response answered(String scope, String key, Response response) {
        String body = response.getEntity() == null ? null : JSON.toJson(response.getEntity());
        keys.answer(scope, key, response.getStatus(), body);
        return Response.status(response.getStatus()).entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    private Response replay(String scope, String key, String fingerprint) {
        Optional<IdempotencyKeys.Stored> stored = keys.stored(scope, key);
        if (stored.isEmpty() || !fingerprint.equals(stored.get().fingerprint())) {
            throw new CreditsException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request");
        }
        if (stored.get().status() == 0) {
            throw new CreditsException(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still in progress: try again shortly");
        }
        return Response.status(stored.get().status()).entity(stored.get().body()).type(MediaType.APPLICATION_JSON)
                .build();
    }

    /** A request body's canonical JSON, for the {@code request} of {@link #once}: equal bodies, equal text. */
    public static String json(Object body) {
        return JSON.toJson(body);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
