package com.personnelevents.settings;

import com.personnelevents.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings")
@Tag(
        name = "Settings",
        description = "The organisation's time zone, lead time, custom fields, approval rules and duties")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(operationId = "getSettings", summary = "Read the settings")
    SettingsResponse get() {
        return SettingsResponse.of(settings.current());
    }

    @PutMapping
    @Operation(operationId = "updateSettings", summary = "Replace the settings")
    SettingsResponse update(@RequestBody SettingsRequest request, Caller caller) {
        return SettingsResponse.of(settings.update(request, caller.actor()));
    }
}
