package org.schoolcredits.host;

import java.util.Optional;

/**
 * Implemented by the host as a CDI bean (request scoped or wider). The plugin calls it on
 * every request to one of its REST resources, on the request thread, before any transaction
 * starts, to learn who is calling and which plugin permissions they hold.
 */
public interface CallerProvider {

    /** The authenticated caller, or empty for an anonymous request. */
    Optional<Caller> current();
}
