package org.shutong.platform.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation for a citizen identity number, check character included. A null value
 * is left to {@code @NotNull}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidResidentIdNumber.Validator.class)
public @interface ValidResidentIdNumber {

	String message() default "must be an 18-character citizen identity number with a valid check character";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidResidentIdNumber, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || ResidentIdNumber.isValid(value);
		}

	}

}
