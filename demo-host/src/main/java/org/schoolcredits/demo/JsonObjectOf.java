package org.schoolcredits.demo;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** Small JSON answers of the demo API. */
final class JsonObjectOf {

    private JsonObjectOf() {
    }

    static String of(String... namesAndValues) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return json.build().toString();
    }
}
