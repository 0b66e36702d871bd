package com.personnelevents.identity;

import com.personnelevents.settings.CustomField;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A batch of identities from a directory or HRIS export. Each row is the full current record of one
 * person, matched to a stored identity by {@code externalId}, or by email when it has none.
 */
record IdentityImportRequest(
        @ArraySchema(
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                minItems = 1,
                maxItems = IdentityImportService.MAX_IMPORT)
        List<Item> identities) {

    @Schema(name = "IdentityImportRow")
    record Item(
            @Schema(maxLength = IdentityImportService.EXTERNAL_ID_MAX, description = "The source system's key")
            String externalId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = IdentityRequest.NAME_MAX)
            String firstName,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = IdentityRequest.NAME_MAX)
            String lastName,

            @Schema(maxLength = IdentityRequest.NAME_MAX) String email,
            @Schema(maxLength = IdentityRequest.NAME_MAX) String company,
            @Schema(maxLength = IdentityRequest.NAME_MAX) String division,

            @Schema(maxLength = IdentityRequest.DEPARTMENT_MAX)
            String department,

            @Schema(maxLength = IdentityRequest.NAME_MAX) String office,
            @Schema(maxLength = IdentityRequest.NAME_MAX) String title,
            @Schema(implementation = IdentityType.class) String identityType,

            @Schema(implementation = IdentityStatus.class, description = "Active when omitted")
            String status,

            @Schema(format = "uuid", description = "An existing identity's id")
            String supervisorId,

            @Schema(
                    maxLength = IdentityImportService.EXTERNAL_ID_MAX,
                    description = "The externalId of the supervisor, stored or in this batch")
            String supervisorExternalId,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField1,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField2,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField3,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField4,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField5,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField6,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField7,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField8,

            @Schema(maxLength = CustomField.MAX_VALUE_LENGTH)
            String customField9) {

        IdentityRequest attributes() {
            return new IdentityRequest(
                    externalId,
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
