package org.schoolcredits.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The plugin's one translation to SMTP (Jakarta Mail): a multipart/alternative message with a
 * text and an HTML part, sent to the server of {@code smtp.host} / {@code smtp.port}, with
 * STARTTLS when the server offers it and a login when {@code smtp.user} is set. Without
 * {@code smtp.host} it is not configured and sends nothing.
 */
@ApplicationScoped
public class Smtp {

    /** A send that did not work; {@code recipientRefused} when the server refused only the address. */
    public static class Failure extends Exception {
        private final boolean recipientRefused;

        Failure(String message, boolean recipientRefused, Throwable cause) {
            super(message, cause);
            this.recipientRefused = recipientRefused;
        }

        public boolean recipientRefused() {
            return recipientRefused;
        }
    }

    private static final String TIMEOUT_MILLIS = "10000";

    private String host;
    private int port;
    private String from;
    private String user;
    private String password;

    @Inject
    @ConfigProperties
    SmtpConfig config;

    protected Smtp() {
    }

    @PostConstruct
    void configure() {
        configure(config.host, config.port, config.from, config.user, config.password);
    }

    public Smtp(Optional<String> host, int port, String from, Optional<String> user, Optional<String> password) {
        configure(host, port, from, user, password);
    }

    private void configure(Optional<String> host, int port, String from, Optional<String> user,
                           Optional<String> password) {
        this.host = host.map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        this.port = port;
        this.from = from;
        this.user = user.filter(u -> !u.isBlank()).orElse(null);
        this.password = password.orElse("");
    }

    public boolean configured() {
        return host != null;
    }

    /** Where mail goes, for the log: host and port, never the credentials. */
    public String server() {
        return host + ":" + port;
    }

    /** Sends one e-mail; {@code reference} goes into an {@code X-School-Credits-Email} header. */
    public void send(String reference, Email email) throws Failure {
        if (!configured()) {
            throw new Failure("no SMTP server is configured", false, null);
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from, true));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.recipient(), true));
            message.setSubject(email.subject(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("X-School-Credits-Email", reference);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (user == null) {
                Transport.send(message);
            } else {
                Transport.send(message, user, password);
            }
        } catch (SendFailedException e) {
            throw new Failure(describe(e), e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0, e);
        } catch (MessagingException e) {
            throw new Failure(describe(e), false, e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.auth", Boolean.toString(user != null));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        return Session.getInstance(properties);
    }

    private static String describe(MessagingException e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && out.length() < 500; cause = cause.getCause()) {
            out.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return out.toString();
    }
}
