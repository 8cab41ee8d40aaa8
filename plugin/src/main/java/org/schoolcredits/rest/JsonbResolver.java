package org.schoolcredits.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The plugin's JSON: absent values are written as {@code null}, as CONTRACT.md shows them, and
 * {@link org.schoolcredits.kernel.Credits} is a decimal number ({@link CreditsJson}).
 */
public class JsonbResolver implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
            .withAdapters(new CreditsJson()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
