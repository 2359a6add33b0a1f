package org.shutong.catalog.sharing.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * An approval, optionally narrowing the items to some of those applied for.
 */
record Approval(@Nullable List<@NotBlank String> items) {

}
