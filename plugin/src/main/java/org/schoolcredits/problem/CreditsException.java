package org.schoolcredits.problem;

import java.util.Map;

/** A refusal a client can act on; it rolls back the transaction it is thrown in. */
public class CreditsException extends RuntimeException {

    private final ProblemCode code;
    private final Map<String, Object> extensions;

    public CreditsException(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    public CreditsException(ProblemCode code, String detail, Map<String, Object> extensions) {
        super(detail);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemCode code() {
        return code;
    }

    /** Members added to the problem document, e.g. {@code field}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    public static CreditsException notFound(String what) {
        return new CreditsException(ProblemCode.NOT_FOUND, what + " was not found");
    }

    public static CreditsException invalidField(String field, String detail) {
        return new CreditsException(ProblemCode.INVALID_FIELD, detail, Map.of("field", field));
    }
}
