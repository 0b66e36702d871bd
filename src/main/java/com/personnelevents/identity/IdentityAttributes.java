package com.personnelevents.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The descriptive attributes of an identity. For an onboarding they are the whole record to create;
 * for a role transition only the non-null ones are changes.
 *
 * @param customFields the values of custom fields 1-9 (index 0-8), null where not set
 */
public record IdentityAttributes(
        String firstName,
        String lastName,
        String email,
        IdentityType identityType,
        String title,
        String company,
        String division,
        String department,
        String office,
        UUID supervisorId,
        List<String> customFields) {

    public IdentityAttributes {
        if (customFields.size() != IdentityAttribute.CUSTOM_FIELDS.size()) {
            throw new IllegalArgumentException("Exactly nine custom field values are expected");
        }
        customFields = Collections.unmodifiableList(new ArrayList<>(customFields));
    }

    /** No attributes at all: the changes of a role transition that changes none. */
    public static IdentityAttributes none() {
        return new IdentityAttributes(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Collections.nCopies(IdentityAttribute.CUSTOM_FIELDS.size(), null));
    }

    public IdentityAttributes withTypeIfAbsent(IdentityType type) {
        if (identityType != null) {
            return this;
        }
        return new IdentityAttributes(
                firstName,
                lastName,
                email,
                type,
                title,
                company,
                division,
                department,
                office,
                supervisorId,
                customFields);
    }

    public String customField(int slot) {
        return customFields.get(slot - 1);
    }

    /** These attributes with every non-null attribute of {@code changes} applied. */
    public IdentityAttributes apply(IdentityAttributes changes) {
        List<String> fields = new ArrayList<>(customFields);
        for (int i = 0; i < fields.size(); i++) {
            if (changes.customFields.get(i) != null) {
                fields.set(i, changes.customFields.get(i));
            }
        }
        return new IdentityAttributes(
                pick(changes.firstName, firstName),
                pick(changes.lastName, lastName),
                pick(changes.email, email),
                pick(changes.identityType, identityType),
                pick(changes.title, title),
                pick(changes.company, company),
                pick(changes.division, division),
                pick(changes.department, department),
                pick(changes.office, office),
                pick(changes.supervisorId, supervisorId),
                fields);
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
