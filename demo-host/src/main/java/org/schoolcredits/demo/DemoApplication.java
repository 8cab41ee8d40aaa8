package org.schoolcredits.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo MIS's own API at {@code /api/demo}. Like many hosts' applications it lists nothing and
 * so serves every {@code @Path} and {@code @Provider} class of the WAR: its own, and none of the
 * plugin's, which carry neither annotation (the plugin's CreditsApplication registers them).
 */
@ApplicationPath("api/demo")
public class DemoApplication extends Application {
}
