package org.schoolcredits.alerts;

import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** The mail server for alerts ({@code SMTP_HOST}, ...); no host, no e-mail. */
@ConfigProperties(prefix = "smtp")
public class SmtpConfig {

    public Optional<String> host;

    public Integer port;

    public String from;

    public Optional<String> user;

    public Optional<String> password;
}
