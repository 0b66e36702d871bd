package com.personnelevents.settings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    SettingsResponse get() {
        return SettingsResponse.of(settings.current());
    }

    @PutMapping
    SettingsResponse update(@RequestBody SettingsRequest request) {
        return SettingsResponse.of(settings.update(request));
    }
}
