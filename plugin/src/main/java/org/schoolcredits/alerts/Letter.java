package org.schoolcredits.alerts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.schoolcredits.kernel.Credits;

/**
 * The body of an e-mail, written once and rendered twice: as plain text and as HTML. Every piece
 * of text is escaped in the HTML part (school names, package names, anything a person typed), so
 * none of it becomes markup; a link keeps its address only when that is an http(s) URL.
 */
final class Letter {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    /** A paragraph of plain words; it is escaped in the HTML part. */
    Letter paragraph(String words) {
        text.append(words).append("\n\n");
        html.append("<p>").append(escape(words)).append("</p>\n");
        return this;
    }

    /** A paragraph with a link: {@code words url} in text, {@code words <a href=url>label</a>} in HTML. */
    Letter link(String words, String label, String url) {
        text.append(words).append(' ').append(url).append("\n\n");
        html.append("<p>").append(escape(words)).append(' ');
        if (url.startsWith("https://") || url.startsWith("http://")) {
            html.append("<a href=\"").append(escape(url)).append("\">").append(escape(label)).append("</a>");
        } else {
            html.append(escape(url));
        }
        html.append("</p>\n");
        return this;
    }

    Email to(String recipient, String subject) {
        String page = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>" + escape(subject)
                + "</title></head>\n<body style=\"font-family: Arial, sans-serif; line-height: 1.4\">\n" + html
                + "</body></html>\n";
        return new Email(recipient, oneLine(subject), text.toString().strip() + "\n", page);
    }

    /** Credits the en-GB way: {@code 19.4}, {@code 8}, {@code 1,000}. */
    static String credits(Credits amount) {
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(amount.toDecimal());
    }

    /** Money in pounds: {@code £10.00}, {@code £1,250.50}. */
    static String money(long pence) {
        DecimalFormat format = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    /** A day in the UK: {@code 1 December 2026}. */
    static String date(Instant instant) {
        return DATE.format(instant.atZone(LONDON));
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A header value on one line: control characters (a line break someone typed) become spaces. */
    static String oneLine(String value) {
        return value.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
