package org.schoolcredits.links;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The one place links to the host's pages are built. The public URL is where users reach the
 * MIS, context root included ({@code CREDITS_PUBLIC_URL}, e.g. {@code https://mis.example/mis};
 * by default {@code http://localhost:$PORT}); the credits page is the host's page where school
 * admins see and buy credits ({@code CREDITS_TOPUP_PATH}, by default the demo's
 * {@code /settings/credits}). Both from {@link LinksConfig}.
 */
@ApplicationScoped
public class HostLinks {

    @Inject
    @ConfigProperties
    LinksConfig config;

    private String publicUrl;
    private String creditsPage;

    protected HostLinks() {
    }

    @PostConstruct
    void configure() {
        set(config.publicUrl, config.topupPath);
    }

    public HostLinks(String publicUrl, String creditsPath) {
        set(publicUrl, creditsPath);
    }

    private void set(String url, String creditsPath) {
        this.publicUrl = url.strip().replaceAll("/+$", "");
        this.creditsPage = this.publicUrl + "/" + creditsPath.strip().replaceAll("^/+", "");
    }

    /** The address users reach the MIS at, context root included, without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** The host's credits page, e.g. {@code https://mis.example/mis/settings/credits}. */
    public String creditsPage() {
        return creditsPage;
    }

    /** The host's credits page with a query, e.g. {@code purchase=42}. */
    public String creditsPage(String query) {
        return creditsPage + (creditsPage.contains("?") ? "&" : "?") + query;
    }
}
