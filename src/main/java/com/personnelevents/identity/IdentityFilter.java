package com.personnelevents.identity;

import com.personnelevents.db.Where;
import com.personnelevents.validation.ValidationException;
import java.util.Locale;

/** The identity list's filters, parsed: a status, and part of a name, email or externalId. */
record IdentityFilter(IdentityStatus status, String search) {

    static IdentityFilter parse(String status, String search) {
        IdentityStatus parsed = null;
        if (status != null && !status.isBlank()) {
            parsed = IdentityStatus.parse(status)
                    .orElseThrow(() ->
                            ValidationException.of("status", "Status must be one of: " + IdentityStatus.validValues()));
        }
        return new IdentityFilter(parsed, search == null || search.isBlank() ? null : search.trim());
    }

    /** Conditions on {@code identity i}. */
    Where where() {
        return new Where()
                .and("i.status = :status", "status", status == null ? null : status.name())
                .and(
                        "(LOWER(i.first_name) LIKE :search ESCAPE '\\' OR LOWER(i.last_name) LIKE :search ESCAPE '\\'"
                                + " OR i.email_key LIKE :search ESCAPE '\\' OR LOWER(i.external_id) LIKE :search"
                                + " ESCAPE '\\')",
                        "search",
                        search == null ? null : "%" + escapeLike(search.toLowerCase(Locale.ROOT)) + "%");
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
