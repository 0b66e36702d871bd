package com.personnelevents.event;

import com.personnelevents.validation.Violations;
import java.util.UUID;

/** The {@code identityId} every type but onboarding requires. */
final class ExistingIdentity {

    private ExistingIdentity() {}

    static UUID id(String identityId, Violations violations) {
        if (!violations.required("identityId", identityId, "Identity id")) {
            return null;
        }
        return violations.guid("identityId", identityId, "Identity id");
    }
}
