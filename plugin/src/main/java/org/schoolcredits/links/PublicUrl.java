package org.schoolcredits.links;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address users reach the MIS at ({@code CREDITS_PUBLIC_URL}), for checkout return links,
 * top-up links and e-mails. Its one default lives here: {@code http://localhost:$PORT}, with the
 * port the MIS is served on ({@code PORT}, 8080 unless set).
 */
@ApplicationScoped
public class PublicUrl {

    private String url;

    protected PublicUrl() {
    }

    @Inject
    public PublicUrl(@ConfigProperty(name = "credits.public.url") Optional<String> configured,
                     @ConfigProperty(name = "port") Optional<String> port) {
        this.url = of(configured, port);
    }

    /** The configured address without a trailing slash, or {@code http://localhost:<port>}. */
    public static String of(Optional<String> configured, Optional<String> port) {
        return configured.filter(value -> !value.isBlank())
                .orElseGet(() -> "http://localhost:" + port.filter(value -> !value.isBlank()).orElse("8080").strip())
                .strip().replaceAll("/+$", "");
    }

    public String url() {
        return url;
    }
}
