package com.personnelevents.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A batch of identities from a directory or HRIS export. Each row is the full current record of one
 * person, matched to a stored identity by {@code externalId}, or by email when it has none.
 */
record IdentityImportRequest(List<Item> identities) {

    record Item(
            String externalId,
            String firstName,
            String lastName,
            String email,
            String company,
            String division,
            String department,
            String office,
            String title,
            @Schema(implementation = IdentityType.class) String identityType,
            @Schema(implementation = IdentityStatus.class) String status,

            @Schema(format = "uuid", description = "An existing identity's id")
            String supervisorId,

            @Schema(description = "The externalId of the supervisor, stored or in this batch")
            String supervisorExternalId,

            String customField1,
            String customField2,
            String customField3,
            String customField4,
            String customField5,
            String customField6,
            String customField7,
            String customField8,
            String customField9) {

        IdentityRequest attributes() {
            return new IdentityRequest(
                    firstName,
                    lastName,
                    email,
                    company,
                    division,
                    department,
                    office,
                    title,
                    identityType,
                    supervisorId,
                    customField1,
                    customField2,
                    customField3,
                    customField4,
                    customField5,
                    customField6,
                    customField7,
                    customField8,
                    customField9);
        }
    }
}
