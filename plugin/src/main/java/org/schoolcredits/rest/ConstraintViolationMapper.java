package org.schoolcredits.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.Map;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * A body that breaks its record's Bean Validation constraints is a 400 {@code invalid_field} naming
 * the field as the body spells it ({@code items[3].quantity}, {@code lowBalanceThreshold.learner}),
 * the same problem document as every other refused field. One field is named: the first by name.
 */
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        CreditsException refusal = refusal(e);
        return ProblemMapper.problem(refusal.code(), refusal.getMessage(), refusal.extensions(), e);
    }

    /** The refusal a violation stands for: {@code invalid_field}, the field named, its message as the detail. */
    public static CreditsException refusal(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> field(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow(() -> new CreditsException(ProblemCode.MALFORMED_JSON, "The body is not valid"));
        String field = field(first.getPropertyPath());
        if (field.isEmpty()) {
            return new CreditsException(ProblemCode.MALFORMED_JSON, "The body must be a JSON object");
        }
        return new CreditsException(ProblemCode.INVALID_FIELD, "'" + field + "' " + first.getMessage(),
                Map.of("field", field));
    }

    /** The field as the body spells it: the method and parameter of a validated call left out. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.PROPERTY) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }
}
