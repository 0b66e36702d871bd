package com.personnelevents.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredSettings> find() {
        return jdbc.sql("SELECT time_zone, lead_time_days FROM settings WHERE id = 1")
                .query((rs, n) -> new StoredSettings(ZoneId.of(rs.getString(1)), rs.getInt(2)))
                .optional();
    }

    List<CustomField> customFields() {
        return jdbc.sql("SELECT slot, label, enabled FROM custom_field ORDER BY slot")
                .query((rs, n) -> new CustomField(rs.getInt(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /** Locks the settings row (creating it first if needed) so that concurrent updates serialise. */
    void lockForUpdate(StoredSettings defaults) {
        int updated = jdbc.sql("UPDATE settings SET version = version + 1 WHERE id = 1")
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO settings (id, time_zone, lead_time_days, version) VALUES (1, :zone, :lead, 0)")
                    .param("zone", defaults.timeZone().getId())
                    .param("lead", defaults.leadTimeDays())
                    .update();
        }
    }

    void save(ZoneId timeZone, int leadTimeDays) {
        jdbc.sql("UPDATE settings SET time_zone = :zone, lead_time_days = :lead WHERE id = 1")
                .param("zone", timeZone.getId())
                .param("lead", leadTimeDays)
                .update();
    }

    void save(CustomField field) {
        jdbc.sql("UPDATE custom_field SET label = :label, enabled = :enabled WHERE slot = :slot")
                .param("label", field.label())
                .param("enabled", field.enabled())
                .param("slot", field.slot())
                .update();
    }

    record StoredSettings(ZoneId timeZone, int leadTimeDays) {}
}
