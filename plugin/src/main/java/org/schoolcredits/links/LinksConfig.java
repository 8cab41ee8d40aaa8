package org.schoolcredits.links;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the host's pages are: {@code credits.public.url} ({@code CREDITS_PUBLIC_URL}) and
 * {@code credits.topup.path} ({@code CREDITS_TOPUP_PATH}). Defaults in the plugin's
 * {@code META-INF/microprofile-config.properties}, as every setting's.
 */
@ConfigProperties(prefix = "credits")
public class LinksConfig {

    @ConfigProperty(name = "public.url")
    public String publicUrl;

    @ConfigProperty(name = "topup.path")
    public String topupPath;
}
