package org.example.mis;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The host's own API at {@code /api/mis}. It lists nothing, so it serves every {@code @Path} and
 * {@code @Provider} class of the WAR: the host's, and none of the plugin's (which carry neither).
 */
@ApplicationPath("api/mis")
public class MisApplication extends Application {
}
