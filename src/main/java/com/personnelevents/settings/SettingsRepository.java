package com.personnelevents.settings;

import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.ResponseRules;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.StageName;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    ResponseRules responseRules() {
        Map<EventType, Map<StageName, List<Role>>> roles = new EnumMap<>(EventType.class);
        jdbc.sql("SELECT event_type, step, role FROM response_rule ORDER BY event_type, step, position")
                .query((ResultSet rs) -> {
                    roles.computeIfAbsent(EventType.valueOf(rs.getString(1)), t -> new EnumMap<>(StageName.class))
                            .computeIfAbsent(StageName.valueOf(rs.getString(2)), s -> new ArrayList<>())
                            .add(Role.valueOf(rs.getString(3)));
                });
        return new ResponseRules(roles);
    }

    /** Replaces the roles of one type's step (none: the default). */
    void save(EventType type, StageName step, List<Role> roles) {
        jdbc.sql("DELETE FROM response_rule WHERE event_type = :type AND step = :step")
                .param("type", type.name())
                .param("step", step.name())
                .update();
        for (int i = 0; i < roles.size(); i++) {
            jdbc.sql("INSERT INTO response_rule (event_type, step, role, position) VALUES (:type, :step, :role, :at)")
                    .param("type", type.name())
                    .param("step", step.name())
                    .param("role", roles.get(i).name())
                    .param("at", i)
                    .update();
        }
    }

    Set<Duty> relaxedDuties() {
        Set<Duty> relaxed = EnumSet.noneOf(Duty.class);
        jdbc.sql("SELECT duty FROM duty_relaxation")
                .query(String.class)
                .list()
                .forEach(name -> Duty.parse(name).ifPresent(relaxed::add));
        return relaxed;
    }

    void saveRelaxedDuties(Set<Duty> relaxed) {
        jdbc.sql("DELETE FROM duty_relaxation").update();
        for (Duty duty : relaxed) {
            jdbc.sql("INSERT INTO duty_relaxation (duty) VALUES (:duty)")
                    .param("duty", duty.apiName())
                    .update();
        }
    }

    record StoredSettings(ZoneId timeZone, int leadTimeDays) {}
}
