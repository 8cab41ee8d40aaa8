package org.schoolcredits.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The plugin's enums as query and path parameters, by their lower-case code ({@code ?creditType=connect},
 * {@code ?status=awaiting_payment}); blank is absent (null). Another value is a 400
 * {@code invalid_parameter} naming the parameter and the codes it takes (Jersey wraps it in its own
 * exception, whose cause {@link ProblemMapper} finds).
 */
public class EnumParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("org.schoolcredits.")) {
            return null;
        }
        return (ParamConverter<T>) new Codes<>(rawType.asSubclass(Enum.class), name(annotations));
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }

    private record Codes<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (BodyShape.EnumCodes.code(constant).equals(value.strip())) {
                    return constant;
                }
            }
            throw new CreditsException(ProblemCode.INVALID_PARAMETER, "'" + name + "' must be one of "
                    + BodyShape.EnumCodes.all(type), Map.of("parameter", name));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : BodyShape.EnumCodes.code(value);
        }
    }
}
