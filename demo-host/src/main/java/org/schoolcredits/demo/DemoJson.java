package org.schoolcredits.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Reads the demo API's request bodies: a JSON object, or a 400 problem. */
final class DemoJson {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private DemoJson() {
    }

    /** Deeper than any of the demo's bodies: refused before parsing, which recurses once per level. */
    static final int MAX_DEPTH = 32;

    static JsonObject object(String text) {
        if (text != null && tooDeep(text)) {
            throw new DemoProblems.Refusal(400, "malformed_json", "The body is nested deeper than " + MAX_DEPTH
                    + " levels");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text == null ? "" : text))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // JsonException, a number out of range, nesting past the parser's limit: answered
            // below, without the parser's message
        }
        throw new DemoProblems.Refusal(400, "malformed_json", "The body must be a JSON object");
    }

    /** Whether objects and arrays nest deeper than {@link #MAX_DEPTH} (brackets inside strings do not count). */
    static boolean tooDeep(String text) {
        int depth = 0;
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
            } else if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
                return true;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    /** A required string field of {@code min} to {@code max} characters, trimmed. */
    static String text(JsonObject body, String field, int min, int max) {
        JsonValue value = body.get(field);
        String text = value instanceof JsonString string ? string.getString().strip() : "";
        if (text.indexOf('\0') >= 0) {
            throw new DemoProblems.Refusal(400, "invalid_field", "'" + field + "' must not contain a NUL character");
        }
        if (text.length() < Math.max(1, min) || text.length() > max) {
            throw new DemoProblems.Refusal(400, "invalid_field",
                    "'" + field + "' must be text of " + Math.max(1, min) + " to " + max + " characters");
        }
        return text;
    }
}
