package org.schoolcredits.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A nullable {@code uuid} column: EclipseLink 4.0's own UUID conversion fails on a null value; this
 * hands the driver the {@link UUID} as it is, and takes back what it reads.
 */
@Converter
public class UuidColumn implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        return column == null ? null : column instanceof UUID uuid ? uuid : UUID.fromString(column.toString());
    }
}
