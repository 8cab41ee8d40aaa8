package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin's wiring inside a host WAR on Payara Micro (Arquillian): the web fragment's static
 * files, the JAX-RS application, the migrations and the host's security all take effect.
 */
@ExtendWith({WiringDatabase.class, ArquillianExtension.class})
@RunAsClient
class WiringIT {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive demoHost() {
        return ShrinkWrap.create(ZipImporter.class, "school-credits-demo-host.war")
                .importFrom(new File("target/lib/school-credits-demo-host.war")).as(WebArchive.class);
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the plugin jar's fragments are served from META-INF/resources")
    void fragmentServed() throws Exception {
        HttpResponse<String> widget = get("/credits/credits-balance.js", null);
        assertEquals(200, widget.statusCode());
        assertTrue(widget.body().contains("credits-balance"));
    }

    @Test
    @DisplayName("the plugin's resource answers under /api/credits after its migrations ran")
    void resourceReachable() throws Exception {
        HttpResponse<String> balance = get("/api/credits/balance", "admin@oakwood");
        assertEquals(200, balance.statusCode(), balance.body());
        assertTrue(balance.body().contains("\"learner\""));
    }

    @Test
    @DisplayName("the host's security decides who the caller is: 401 anonymous, 403 without the permission")
    void securityEnforced() throws Exception {
        assertEquals(401, get("/api/credits/balance", null).statusCode());
        assertEquals(403, get("/api/credits/balance", "finance@platform").statusCode());
    }
}
