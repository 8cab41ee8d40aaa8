package org.schoolcredits.links;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place links to the host's pages are built. The public URL is where users reach the
 * MIS, context root included ({@code CREDITS_PUBLIC_URL}, e.g. {@code https://mis.example/mis});
 * the credits page is the host's page where school admins see and buy credits
 * ({@code CREDITS_TOPUP_PATH}, by default the demo's {@value #CREDITS_PAGE}).
 */
@ApplicationScoped
public class HostLinks {

    /** The setting naming the host's credits page, and its default. */
    public static final String CREDITS_PATH_SETTING = "credits.topup.path";
    public static final String CREDITS_PAGE = "/settings/credits";

    private String publicUrl;
    private String creditsPage;

    protected HostLinks() {
    }

    @Inject
    public HostLinks(PublicUrl publicUrl,
                     @ConfigProperty(name = CREDITS_PATH_SETTING, defaultValue = CREDITS_PAGE) String creditsPath) {
        this(publicUrl.url(), creditsPath);
    }

    public HostLinks(String publicUrl, String creditsPath) {
        String path = creditsPath == null || creditsPath.isBlank() ? CREDITS_PAGE : creditsPath.strip();
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.creditsPage = this.publicUrl + "/" + path.replaceAll("^/+", "");
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
