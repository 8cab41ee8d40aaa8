package org.schoolcredits.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An {@link Instant} in a {@code timestamptz} column of a read-only entity that native queries read too:
 * there EclipseLink hands over the driver's {@link Timestamp}, in a JPQL read an {@link OffsetDateTime}.
 */
@Converter
public class InstantReadColumn implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }
}
