package org.schoolcredits.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request bodies read as the plugin reads them, a refusal as the CreditsException its problem document shows. */
public final class Requests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private Requests() {
    }

    public static <T extends Record> T read(Class<T> type, String json) {
        return read(type, json.getBytes(StandardCharsets.UTF_8));
    }

    public static <T extends Record> T read(Class<T> type, byte[] body) {
        JsonBodyReader reader = new JsonBodyReader();
        reader.validator = VALIDATOR;
        try {
            return reader.read(type, new ByteArrayInputStream(body));
        } catch (ConstraintViolationException e) {
            throw ConstraintViolationMapper.refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
