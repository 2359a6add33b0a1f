package org.shutong.catalog.sharing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A consumer's application as posted. Checked by {@link ApplicationChecks} together with
 * what depends on the resource and the clock, so that one answer names every bad field.
 */
public record ApplicationRequest(@NotBlank @Size(max = 500) String purpose,
		@NotBlank @Size(max = 500) String legalBasis,
		@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 100) String> items,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z._-]*",
				message = "must hold only letters, digits, '.', '_' and '-'") String serviceItemCode,
		@NotNull Instant validUntil) {

}
