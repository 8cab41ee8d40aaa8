package org.schoolcredits.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The first step of reading a request body: the text as a JSON object, refused before any binding
 * when it is nested too deep, not JSON, not an object, or holds a NUL. {@link BodyShape} then checks
 * it against the request's record, and JSON-B binds it ({@link JsonBodyReader}).
 */
public final class JsonBody {

    /** Once: Json.createReader looks the JSON-P provider up through the ServiceLoader at every call. */
    private static final jakarta.json.JsonReaderFactory READERS = JsonProvider.provider()
            .createReaderFactory(java.util.Map.of());

    /** Deeper than any body the plugin accepts needs. */
    static final int MAX_DEPTH = 32;

    private JsonBody() {
    }

    /**
     * The body as a JSON object. Whatever the parser says is not echoed: it may quote the body.
     * Nesting is refused before parsing (no parser recursion can overflow the stack); a number
     * out of range ({@code 1e2147483648}) is malformed JSON; a NUL in any text is refused, naming
     * the field, because PostgreSQL cannot store one.
     */
    public static JsonObject parse(String text) {
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
        return value.asJsonObject();
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
}
