package com.personnelevents.audit;

import com.personnelevents.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administrative trail", description = "Changes to settings, access models, applications and tokens")
class AdminActivityController {

    private final AdminTrail trail;

    AdminActivityController(AdminTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/admin-activity")
    @Operation(
            operationId = "listAdminActivity",
            summary = "Changes to settings, access models, applications and tokens, newest first, 50 a page")
    PageResponse<AdminActivity> list(@RequestParam(defaultValue = "1") int page) {
        return trail.page(page);
    }
}
