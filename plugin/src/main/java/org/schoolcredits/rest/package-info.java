/**
 * The plugin's REST edge shared by every capability: the JAX-RS application under
 * {@code /api/credits}, who may call what ({@link org.schoolcredits.rest.Requires}), strict JSON
 * bodies, idempotency keys, and the one mapper from errors to RFC 9457 problem documents.
 */
package org.schoolcredits.rest;
