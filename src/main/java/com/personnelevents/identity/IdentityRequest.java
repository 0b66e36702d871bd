package com.personnelevents.identity;

import com.personnelevents.settings.CustomField;
import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code identity} object of an onboarding or role-transition request, as the caller sent it.
 * Values stay strings here so that every bad one is reported together, not just the first.
 */
public record IdentityRequest(
        @Schema(
                maxLength = EXTERNAL_ID_MAX,
                description = "Onboarding only: the HR system's key for the person. A new identity keeps it; a"
                        + " Disabled or Removed identity with it (or else with the email) is the person"
                        + " coming back, and is reactivated")
        String externalId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME_MAX)
        String firstName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME_MAX)
        String lastName,

        @Schema(maxLength = NAME_MAX) String email,
        @Schema(maxLength = NAME_MAX) String company,
        @Schema(maxLength = NAME_MAX) String division,
        @Schema(maxLength = DEPARTMENT_MAX) String department,
        @Schema(maxLength = NAME_MAX) String office,
        @Schema(maxLength = NAME_MAX) String title,

        @Schema(implementation = IdentityType.class, description = "Employee when omitted")
        String identityType,

        @Schema(format = "uuid", description = "An existing identity")
        String supervisorId,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField1,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField2,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField3,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField4,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField5,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField6,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField7,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField8,

        @Schema(maxLength = CustomField.MAX_VALUE_LENGTH, description = CUSTOM_FIELD)
        String customField9) {

    static final int NAME_MAX = 256;
    static final int EXTERNAL_ID_MAX = 256;
    static final int DEPARTMENT_MAX = 128;
    static final int IDENTITY_TYPE_MAX = 50;
    static final String CUSTOM_FIELD = "Accepted only when the custom field is enabled in the settings";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** Whether first and last name must be present (a new identity) or may be left out (changes). */
    public enum Names {
        REQUIRED,
        OPTIONAL
    }

    /**
     * Checks every rule of the documents and returns the attributes; an absent identity type stays null
     * (the caller decides whether that means the default or "keep").
     */
    public IdentityAttributes validate(String prefix, Names names, Settings settings, Violations violations) {
        String first = names == Names.REQUIRED
                ? violations.requiredText(prefix + "firstName", firstName, NAME_MAX, "First name")
                : violations.text(prefix + "firstName", firstName, NAME_MAX, "First name");
        String last = names == Names.REQUIRED
                ? violations.requiredText(prefix + "lastName", lastName, NAME_MAX, "Last name")
                : violations.text(prefix + "lastName", lastName, NAME_MAX, "Last name");
        String mail = violations.text(prefix + "email", email, NAME_MAX, "Email");
        if (mail != null
                && !violations.has(prefix + "email")
                && !EMAIL.matcher(mail).matches()) {
            violations.add(prefix + "email", "Email must be a valid email address");
        }
        IdentityType type = null;
        if (identityType != null && !identityType.isBlank()) {
            violations.maxLength(prefix + "identityType", identityType, IDENTITY_TYPE_MAX, "Identity type");
            type = IdentityType.parse(identityType).orElse(null);
            if (type == null && !violations.has(prefix + "identityType")) {
                violations.add(prefix + "identityType", "Identity type must be one of: " + IdentityType.validValues());
            }
        }
        UUID supervisor = violations.guid(prefix + "supervisorId", blankToNull(supervisorId), "Supervisor id");
        List<String> custom = customFieldValues();
        for (int slot = 1; slot <= CustomField.SLOTS; slot++) {
            String field = prefix + "customField" + slot;
            String value =
                    violations.text(field, custom.get(slot - 1), CustomField.MAX_VALUE_LENGTH, "Custom field " + slot);
            if (value != null && !settings.isCustomFieldEnabled(slot)) {
                violations.add(field, "Custom field " + slot + " is not enabled in the system settings");
            }
            custom.set(slot - 1, value);
        }
        return new IdentityAttributes(
                first,
                last,
                mail,
                type,
                violations.text(prefix + "title", title, NAME_MAX, "Title"),
                violations.text(prefix + "company", company, NAME_MAX, "Company"),
                violations.text(prefix + "division", division, NAME_MAX, "Division"),
                violations.text(prefix + "department", department, DEPARTMENT_MAX, "Department"),
                violations.text(prefix + "office", office, NAME_MAX, "Office"),
                supervisor,
                custom);
    }

    /** The external id, checked; null when none was sent. */
    public String externalId(String prefix, Violations violations) {
        return violations.text(prefix + "externalId", externalId, EXTERNAL_ID_MAX, "External id");
    }

    private List<String> customFieldValues() {
        return Arrays.asList(
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
