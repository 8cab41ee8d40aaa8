package org.schoolcredits.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.schoolcredits.kernel.Credits;

/** An amount of credits from {@code min} to {@code max} whole credits (null is valid: {@code @NotNull} says otherwise). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditsRange.Check.class)
public @interface CreditsRange {

    long min();

    long max();

    String message() default "must be a number of credits from {min} to {max} with at most 3 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares thousandths: no decimal arithmetic. */
    class Check implements ConstraintValidator<CreditsRange, Credits> {

        private Credits min;
        private Credits max;

        @Override
        public void initialize(CreditsRange range) {
            min = Credits.of(range.min());
            max = Credits.of(range.max());
        }

        @Override
        public boolean isValid(Credits value, ConstraintValidatorContext context) {
            return value == null || value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }
}
