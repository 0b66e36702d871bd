package com.personnelevents.event;

import com.personnelevents.validation.Violations;
import com.personnelevents.web.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An examiner's check that nobody changed the audit trail behind the application's back (scope admin). */
@RestController
@RequestMapping("/api/audit-trail")
@Tag(name = "Audit trail", description = "Checks of the tamper-evident audit trail")
class AuditTrailController {

    private final AuditTrailService audit;

    AuditTrailController(AuditTrailService audit) {
        this.audit = audit;
    }

    @GetMapping("/verification")
    @Operation(
            operationId = "verifyAuditTrail",
            summary = "Recompute the audit trail's hash chains, of one event or of all")
    @ApiDocs.NotFound
    AuditTrailVerification verify(
            @Parameter(schema = @Schema(format = "uuid")) @RequestParam(required = false) String eventId) {
        Violations violations = new Violations();
        UUID event =
                eventId == null || eventId.isBlank() ? null : violations.guid("eventId", eventId, "Personnel event id");
        violations.throwIfAny();
        return audit.verify(event);
    }
}
