package org.schoolcredits.alerts;

/** One e-mail to one recipient: a subject, a plain-text part and an HTML part saying the same. */
public record Email(String recipient, String subject, String text, String html) {

    public Email {
        if (recipient == null || recipient.isBlank() || subject == null || text == null || html == null) {
            throw new IllegalArgumentException("an e-mail needs a recipient, a subject and both parts");
        }
    }
}
