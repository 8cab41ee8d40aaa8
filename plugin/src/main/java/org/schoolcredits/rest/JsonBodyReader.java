package org.schoolcredits.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * Reads a request body into the plugin's request record: at most 64 KiB of strict UTF-8 JSON
 * ({@link JsonBody}), held against the record ({@link BodyShape}), bound by JSON-B and checked
 * against the record's Bean Validation constraints here, where it is bound, so that no host
 * setting (Jersey's {@code jersey.config.beanValidation.disable.server}) lets an unchecked body
 * reach a resource. A violation is a {@link ConstraintViolationException}, a 400 naming the field
 * ({@link ConstraintViolationMapper}).
 */
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Record> {

    public static final int MAX_BYTES = 64 * 1024;

    @Inject
    Validator validator;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("org.schoolcredits.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        return read(type, entity);
    }

    /** The body as a {@code type}, checked whole. */
    public <T extends Record> T read(Class<T> type, InputStream entity) throws IOException {
        byte[] bytes = Bodies.read(entity, MAX_BYTES, "The body");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CreditsException(ProblemCode.MALFORMED_JSON, "The body is not valid UTF-8");
        }
        JsonObject shaped = BodyShape.of(type, JsonBody.parse(text), "");
        T body = JsonbResolver.JSONB.fromJson(shaped.toString(), type);
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
