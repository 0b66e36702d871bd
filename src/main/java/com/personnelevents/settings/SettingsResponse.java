package com.personnelevents.settings;

import java.util.List;

record SettingsResponse(String timeZone, int leadTimeDays, List<CustomField> customFields) {

    static SettingsResponse of(Settings settings) {
        return new SettingsResponse(settings.timeZone().getId(), settings.leadTimeDays(), settings.customFields());
    }
}
