package com.personnelevents.access;

import com.personnelevents.auth.HeldRoles;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The roles applications give: provision engineer or application manager of each. */
@Component
class ApplicationRoles implements HeldRoles {

    private final ApplicationRepository applications;

    ApplicationRoles(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldRole> of(UUID identityId) {
        return applications.responsibilitiesOf(identityId).stream()
                .map(e -> new HeldRole(
                        e.getKey().role(),
                        e.getKey().role().apiName().toLowerCase(java.util.Locale.ROOT) + " of " + e.getValue()))
                .toList();
    }
}
