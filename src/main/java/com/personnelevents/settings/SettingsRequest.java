package com.personnelevents.settings;

import java.util.List;

/** The whole settings document; PUT replaces it. */
record SettingsRequest(String timeZone, Integer leadTimeDays, List<CustomFieldRequest> customFields) {

    record CustomFieldRequest(Integer slot, String label, Boolean enabled) {}
}
