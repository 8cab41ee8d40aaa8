package org.schoolcredits.demo;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** Small JSON answers of the demo API. */
final class JsonObjectOf {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonObjectOf() {
    }

    static String of(String... namesAndValues) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return json.build().toString();
    }
}
