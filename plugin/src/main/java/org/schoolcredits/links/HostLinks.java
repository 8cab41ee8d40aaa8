package org.schoolcredits.links;

/**
 * The one place links to the host's pages are built. {@code publicUrl} is where users reach the
 * MIS, context root included ({@code CREDITS_PUBLIC_URL}, e.g. {@code https://mis.example/mis});
 * {@code creditsPath} is the host's page where school admins see and buy credits
 * ({@code CREDITS_TOPUP_PATH}, by default the demo's {@value #CREDITS_PAGE}).
 */
public final class HostLinks {

    /** The setting naming the host's credits page, and its default. */
    public static final String CREDITS_PATH_SETTING = "credits.topup.path";
    public static final String CREDITS_PAGE = "/settings/credits";

    private final String creditsPage;

    public HostLinks(String publicUrl, String creditsPath) {
        String path = creditsPath == null || creditsPath.isBlank() ? CREDITS_PAGE : creditsPath.strip();
        this.creditsPage = publicUrl.strip().replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
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
