package org.shutong.catalog.sharing.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * An approval, optionally narrowing the items to some of those applied for.
 *
 * @param rawValues whether the consumer may see sensitive items unmasked (default: masked
 * by the resource's security level)
 */
record Approval(@Nullable List<@NotBlank String> items, @Nullable Boolean rawValues) {

}
