package com.personnelevents.event;

import com.personnelevents.validation.Violations;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An examiner's check that nobody changed the audit trail behind the application's back (scope admin). */
@RestController
@RequestMapping("/api/audit-trail")
class AuditTrailController {

    private final AuditTrailService audit;

    AuditTrailController(AuditTrailService audit) {
        this.audit = audit;
    }

    @GetMapping("/verification")
    AuditTrailVerification verify(@RequestParam(required = false) String eventId) {
        Violations violations = new Violations();
        UUID event =
                eventId == null || eventId.isBlank() ? null : violations.guid("eventId", eventId, "Personnel event id");
        violations.throwIfAny();
        return audit.verify(event);
    }
}
