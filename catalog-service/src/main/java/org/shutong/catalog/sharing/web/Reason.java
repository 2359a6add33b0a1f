package org.shutong.catalog.sharing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why an application is rejected or a grant revoked; always required.
 */
record Reason(@NotBlank @Size(max = 500) String reason) {

}
