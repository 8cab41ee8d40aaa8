package org.schoolcredits.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/** A {@code text[]} column read into a list (written only by SQL: the column is read-only in its entity). */
@Converter
public class TextArrayColumn implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    @Override
    public List<String> convertToEntityAttribute(Object column) {
        try {
            if (column instanceof Array array) {
                return List.of((String[]) array.getArray());
            }
            return column == null ? List.of() : List.of((String[]) column);
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException(e);
        }
    }
}
