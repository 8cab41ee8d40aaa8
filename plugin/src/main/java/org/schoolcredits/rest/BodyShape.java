package org.schoolcredits.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * A body held against the record it binds to, before JSON-B sees it: a field the record does not
 * have is refused (no mass assignment), and a value of the wrong JSON type is refused naming the
 * field, e.g. {@code items[3].quantity} (JSON-B would quietly turn {@code "2"} into 2 and 2 into
 * {@code "2"}). What it gives JSON-B is normalised: texts stripped, whole numbers written as such.
 * Absent or null fields are left to the record's Bean Validation constraints.
 */
final class BodyShape {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** More integer digits than any amount or count the plugin takes. */
    private static final int MAX_DIGITS = 18;

    private BodyShape() {
    }

    /** The object, checked against {@code type} and normalised; refused with the offending field named. */
    static JsonObject of(Class<?> type, JsonObject json, String path) {
        Map<String, RecordComponent> components = new java.util.HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        JsonObjectBuilder normal = JSON.createObjectBuilder();
        json.forEach((name, value) -> {
            String field = path + name;
            RecordComponent component = components.get(name);
            if (component == null) {
                throw new CreditsException(ProblemCode.UNKNOWN_FIELD, "The field '" + field + "' is not accepted here",
                        Map.of("field", field));
            }
            if (value != JsonValue.NULL) {
                normal.add(name, value(component.getType(), component.getGenericType(), value, field));
            }
        });
        return normal.build();
    }

    private static JsonValue value(Class<?> type, Type generic, JsonValue value, String field) {
        if (type == String.class) {
            return JSON.createValue(text(value, field));
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return JSON.createValue(whole(value, field));
        }
        if (type == Credits.class) {
            return JSON.createValue(credits(value, field));
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw invalid(field, "must be true or false");
            }
            return value;
        }
        if (type == OffsetDateTime.class) {
            String text = text(value, field);
            try {
                return JSON.createValue(OffsetDateTime.parse(text).toString());
            } catch (DateTimeParseException e) {
                throw invalid(field, "must be an ISO-8601 time with an offset");
            }
        }
        if (type.isEnum()) {
            String code = text(value, field);
            for (Object constant : type.getEnumConstants()) {
                if (EnumCodes.code((Enum<?>) constant).equals(code)) {
                    return JSON.createValue(((Enum<?>) constant).name()); // JSON-B binds enums by name
                }
            }
            throw invalid(field, "must be one of " + EnumCodes.all(type));
        }
        if (type.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                throw invalid(field, "must be an object");
            }
            return of(type, object, field + ".");
        }
        if (type == List.class && generic instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            if (!(value instanceof JsonArray array)) {
                throw invalid(field, "must be a list of objects");
            }
            JsonArrayBuilder normal = JSON.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                String at = field + "[" + i + "]";
                if (!(array.get(i) instanceof JsonObject object)) {
                    throw invalid(at, "must be an object");
                }
                normal.add(of(item, object, at + "."));
            }
            return normal.build();
        }
        throw new IllegalStateException("No JSON shape for " + generic + " (" + field + ")");
    }

    private static String text(JsonValue value, String field) {
        if (!(value instanceof JsonString string)) {
            throw invalid(field, "must be a string");
        }
        return string.getString().strip();
    }

    private static long whole(JsonValue value, String field) {
        try {
            return number(value, field).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(field, "must be a whole number");
        }
    }

    private static BigDecimal credits(JsonValue value, String field) {
        BigDecimal number = number(value, field).stripTrailingZeros();
        try {
            if (number.scale() > 3) { // before Credits.of: a scale of a billion would take it long
                throw new ArithmeticException();
            }
            return Credits.of(number).toDecimal();
        } catch (ArithmeticException e) {
            throw invalid(field, "must be a number of credits with at most 3 decimals");
        }
    }

    private static BigDecimal number(JsonValue value, String field) {
        if (!(value instanceof JsonNumber number)) {
            throw invalid(field, "must be a number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.precision() - decimal.scale() > MAX_DIGITS) {
            throw invalid(field, "is too large");
        }
        return decimal;
    }

    private static CreditsException invalid(String field, String what) {
        return CreditsException.invalidField(field, "'" + field + "' " + what);
    }

    /** The wire form of the plugin's enums: the lower-case name ({@code connect}, {@code awaiting_payment}). */
    static final class EnumCodes {

        private EnumCodes() {
        }

        static String code(Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }

        static String all(Class<?> type) {
            return String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> code((Enum<?>) c)).toList());
        }
    }
}
