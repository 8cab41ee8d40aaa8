package org.schoolcredits.rest;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * A request's JSON object, read strictly: each resource names the fields it accepts, and every
 * field is checked for type and range, so a bad body is a 400 that names the field.
 */
public final class JsonBody {

    /** Once: Json.createReader looks the JSON-P provider up through the ServiceLoader at every call. */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    /** Deeper than any body the plugin accepts needs. */
    static final int MAX_DEPTH = 32;

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /**
     * The body as a JSON object. Whatever the parser says is not echoed: it may quote the body.
     * Nesting is refused before parsing (no parser recursion can overflow the stack); a number
     * out of range ({@code 1e2147483648}) is malformed JSON; a NUL in any text is refused, naming
     * the field, because PostgreSQL cannot store one.
     */
    public static JsonBody parse(String text) {
        if (depth(text) > MAX_DEPTH) {
            throw new CreditsException(ProblemCode.MALFORMED_JSON, "The body is nested deeper than " + MAX_DEPTH
                    + " levels");
        }
        JsonValue value;
        try (var reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) { // JsonException, or NumberFormatException for an exponent out of range
            throw new CreditsException(ProblemCode.MALFORMED_JSON, "The body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new CreditsException(ProblemCode.MALFORMED_JSON, "The body must be a JSON object");
        }
        refuseNul("", value);
        return new JsonBody(value.asJsonObject());
    }

    /** The deepest nesting of objects and arrays in {@code text}, brackets inside strings not counted. */
    static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static void refuseNul(String path, JsonValue value) {
        if (value instanceof JsonString string && string.getString().indexOf('\0') >= 0 || path.indexOf('\0') >= 0) {
            String field = path.replace("\0", "\\u0000");
            throw CreditsException.invalidField(field, "'" + field + "' must not contain a NUL character");
        } else if (value instanceof JsonObject object) {
            object.forEach((name, member) -> refuseNul((path.isEmpty() ? "" : path + ".") + name, member));
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                refuseNul(path + "[" + i + "]", array.get(i));
            }
        }
    }

    /** Refuses any field not named here (no mass assignment). */
    public JsonBody only(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (String name : json.keySet()) {
            if (!allowed.contains(name)) {
                throw new CreditsException(ProblemCode.UNKNOWN_FIELD, "The field '" + name + "' is not accepted here",
                        Map.of("field", name));
            }
        }
        return this;
    }

    public String text(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw CreditsException.invalidField(field, "'" + field + "' is required");
        }
        return value;
    }

    public String optionalText(String field, int maxLength) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw CreditsException.invalidField(field, "'" + field + "' must be a string");
        }
        String text = string.getString().strip();
        if (text.isEmpty() || text.length() > maxLength) {
            throw CreditsException.invalidField(field, "'" + field + "' must have 1 to " + maxLength + " characters");
        }
        return text;
    }

    /** A required whole number within [min, max]. */
    public long wholeNumber(String field, long min, long max) {
        BigDecimal value = number(field);
        try {
            long whole = value.longValueExact();
            if (whole < min || whole > max) {
                throw new ArithmeticException();
            }
            return whole;
        } catch (ArithmeticException e) {
            throw CreditsException.invalidField(field, "'" + field + "' must be a whole number from " + min + " to " + max);
        }
    }

    /** A required amount of credits with at most three decimals, within ±{@code maxWhole}. */
    public Credits credits(String field, long maxWhole) {
        BigDecimal value = number(field);
        try {
            if (value.abs().compareTo(BigDecimal.valueOf(maxWhole)) > 0) {
                throw new ArithmeticException();
            }
            return Credits.of(value);
        } catch (ArithmeticException e) {
            throw CreditsException.invalidField(field,
                    "'" + field + "' must be a number of credits up to " + maxWhole + " with at most 3 decimals");
        }
    }

    public OffsetDateTime dateTime(String field) {
        String text = text(field, 64);
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw CreditsException.invalidField(field, "'" + field + "' must be an ISO-8601 time with an offset");
        }
    }

    public boolean bool(String field) {
        JsonValue value = json.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw CreditsException.invalidField(field, "'" + field + "' must be true or false");
    }

    /**
     * A required nested object, read as strictly as the body. Its fields go by their full name,
     * e.g. {@code lowBalanceThreshold.learner}, in {@link #only} and in the errors that name them.
     */
    public JsonBody object(String field) {
        if (!(json.get(field) instanceof JsonObject nested)) {
            throw CreditsException.invalidField(field, "'" + field + "' must be an object");
        }
        var named = Json.createObjectBuilder();
        nested.forEach((name, value) -> named.add(field + "." + name, value));
        return new JsonBody(named.build());
    }

    /** An optional true or false, {@code otherwise} when absent. */
    public boolean optionalBool(String field, boolean otherwise) {
        return json.containsKey(field) ? bool(field) : otherwise;
    }

    /**
     * A required array of 1 to {@code max} objects, each read as strictly as the body. Their fields
     * go by their full name, e.g. {@code items[3].quantity}, in {@link #only} and in the errors.
     */
    public java.util.List<JsonBody> objects(String field, int max) {
        if (!(json.get(field) instanceof jakarta.json.JsonArray array) || array.isEmpty() || array.size() > max) {
            throw CreditsException.invalidField(field, "'" + field + "' must be a list of 1 to " + max + " objects");
        }
        java.util.List<JsonBody> objects = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String name = field + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject nested)) {
                throw CreditsException.invalidField(name, "'" + name + "' must be an object");
            }
            var named = Json.createObjectBuilder();
            nested.forEach((member, value) -> named.add(name + "." + member, value));
            objects.add(new JsonBody(named.build()));
        }
        return objects;
    }

    private BigDecimal number(String field) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonNumber number)) {
            throw CreditsException.invalidField(field, "'" + field + "' must be a number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.precision() - decimal.scale() > 18) {
            throw CreditsException.invalidField(field, "'" + field + "' is too large");
        }
        return decimal;
    }

    /** The canonical text of the body, for idempotency fingerprints. */
    @Override
    public String toString() {
        return json.toString();
    }
}
