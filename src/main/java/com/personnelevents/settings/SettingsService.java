package com.personnelevents.settings;

import com.personnelevents.audit.AdminTrail;
import com.personnelevents.settings.SettingsRepository.StoredSettings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.StageName;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class SettingsService {

    static final int DEFAULT_LEAD_TIME_DAYS = 7;

    private final SettingsRepository repository;
    private final AdminTrail adminTrail;
    private final ObjectProvider<CustomFieldValues> customFieldValues;
    private final StoredSettings defaults;
    private final Duration cacheFor;
    private final TransactionTemplate transactions;
    private volatile Cached cached;

    SettingsService(
            SettingsRepository repository,
            ObjectProvider<CustomFieldValues> customFieldValues,
            @Value("${personnel-events.time-zone:UTC}") String defaultTimeZone,
            @Value("${personnel-events.settings-cache:5s}") Duration cacheFor,
            PlatformTransactionManager transactionManager,
            AdminTrail adminTrail) {
        this.repository = repository;
        this.adminTrail = adminTrail;
        // Looked up when a field is switched off: the features holding values depend on these settings.
        this.customFieldValues = customFieldValues;
        this.cacheFor = cacheFor;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.defaults = new StoredSettings(ZoneId.of(defaultTimeZone), DEFAULT_LEAD_TIME_DAYS);
    }

    /**
     * The settings in force; until an administrator saves them, the configured defaults. Read at most
     * every few seconds per instance ({@code personnel-events.settings-cache}): a change is seen at once
     * by the instance that made it and within that time by the others.
     */
    public Settings current() {
        Cached cached = this.cached;
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt < cacheFor.toNanos()) {
            return cached.settings;
        }
        Settings settings = transactions.execute(status -> {
            StoredSettings stored = repository.find().orElse(defaults);
            return new Settings(
                    stored.timeZone(),
                    stored.leadTimeDays(),
                    repository.customFields(),
                    repository.responseRules(),
                    repository.relaxedDuties());
        });
        this.cached = new Cached(settings, now);
        return settings;
    }

    /** Forgets the cached settings, after they were changed other than through this instance. */
    public void forgetCached() {
        cached = null;
    }

    private record Cached(Settings settings, long readAt) {}

    /** Replaces the settings; the administrative trail records who changed what, from what to what. */
    @Transactional
    public Settings update(SettingsRequest request, Actor author) {
        Violations violations = new Violations();
        ZoneId zone = zone(request.timeZone(), violations);
        Integer lead = request.leadTimeDays();
        if (lead == null) {
            violations.add("leadTimeDays", "Lead time is required");
        } else if (lead < Settings.MIN_LEAD_TIME_DAYS || lead > Settings.MAX_LEAD_TIME_DAYS) {
            violations.add(
                    "leadTimeDays",
                    "Lead time must be between " + Settings.MIN_LEAD_TIME_DAYS + " and " + Settings.MAX_LEAD_TIME_DAYS
                            + " days");
        }
        List<CustomField> fields = customFields(request.customFields(), violations);
        Map<EventType, Map<StageName, List<Role>>> rules = approvalRules(request.approvalRules(), violations);
        Set<Duty> relaxed = relaxedDuties(request.relaxedDuties(), violations);
        violations.throwIfAny();

        repository.lockForUpdate(defaults);
        forgetCached();
        Settings old = current();
        Map<Integer, CustomField> before =
                repository.customFields().stream().collect(Collectors.toMap(CustomField::slot, Function.identity()));
        repository.save(zone, lead);
        for (CustomField field : fields) {
            repository.save(field);
            if (before.get(field.slot()).enabled() && !field.enabled()) {
                customFieldValues.orderedStream().forEach(values -> values.clearCustomField(field.slot()));
            }
        }
        rules.forEach((type, steps) -> steps.forEach((step, roles) -> repository.save(type, step, roles)));
        if (relaxed != null) {
            repository.saveRelaxedDuties(relaxed);
        }
        forgetCached();
        Settings now = current();
        List<String> changes = new ArrayList<>();
        if (!old.timeZone().equals(now.timeZone())) {
            changes.add("timeZone " + old.timeZone() + " → " + now.timeZone());
        }
        if (old.leadTimeDays() != now.leadTimeDays()) {
            changes.add("leadTimeDays " + old.leadTimeDays() + " → " + now.leadTimeDays());
        }
        for (CustomField field : fields) {
            CustomField was = before.get(field.slot());
            if (!was.equals(field)) {
                changes.add("customField" + field.slot() + " " + describe(was) + " → " + describe(field)
                        + (was.enabled() && !field.enabled() ? " (its values deleted)" : ""));
            }
        }
        for (EventType type : EventType.values()) {
            for (StageName step : List.of(StageName.Approval, StageName.Verification)) {
                List<Role> was = old.responseRules().named(type, step);
                List<Role> is = now.responseRules().named(type, step);
                if (!was.equals(is)) {
                    changes.add(type.apiName() + " " + (step == StageName.Approval ? "approvers" : "verifiers") + " "
                            + rule(was) + " → " + rule(is));
                }
            }
        }
        for (Duty duty : Duty.values()) {
            if (old.enforces(duty) != now.enforces(duty)) {
                changes.add("duty " + duty.apiName() + (now.enforces(duty) ? " enforced again" : " relaxed"));
            }
        }
        adminTrail.record(
                author, "Settings changed", "Settings", changes.isEmpty() ? "No change" : String.join("; ", changes));
        return now;
    }

    private static String rule(List<Role> roles) {
        return roles.isEmpty()
                ? "[default: Security Team]"
                : roles.stream().map(Role::apiName).toList().toString();
    }

    /**
     * The rules of the types the request names, each type's approvers and verifiers (an empty or missing list
     * keeps that step's default); types left out keep their rules.
     */
    private static Map<EventType, Map<StageName, List<Role>>> approvalRules(
            List<SettingsRequest.ApprovalRuleRequest> requested, Violations violations) {
        Map<EventType, Map<StageName, List<Role>>> rules = new EnumMap<>(EventType.class);
        if (requested == null) {
            return rules;
        }
        for (int i = 0; i < requested.size(); i++) {
            SettingsRequest.ApprovalRuleRequest rule = requested.get(i);
            String at = "approvalRules[" + i + "]";
            if (rule == null) {
                violations.add(at, "Each approval rule must be an object");
                continue;
            }
            EventType type = rule.eventType() == null
                    ? null
                    : EventType.parseFilter(rule.eventType()).orElse(null);
            if (type == null) {
                violations.add(
                        at + ".eventType", "Event type must be one of: Onboard, Offboard, Role Transition, Absence");
            } else if (rules.containsKey(type)) {
                violations.add(at + ".eventType", "Event type " + type.apiName() + " appears more than once");
            }
            Map<StageName, List<Role>> steps = new EnumMap<>(StageName.class);
            steps.put(StageName.Approval, roles(rule.approvers(), at + ".approvers", violations));
            steps.put(StageName.Verification, roles(rule.verifiers(), at + ".verifiers", violations));
            if (type != null) {
                rules.putIfAbsent(type, steps);
            }
        }
        return rules;
    }

    private static List<Role> roles(List<String> names, String at, Violations violations) {
        List<Role> roles = new ArrayList<>();
        if (names == null) {
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            Role role = Role.parse(names.get(i)).filter(Role::mayRespond).orElse(null);
            if (role == null) {
                violations.add(at + "[" + i + "]", "Role must be one of: " + Role.validValues(true));
            } else if (roles.contains(role)) {
                violations.add(at + "[" + i + "]", "Role " + role.apiName() + " appears more than once");
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The duties to relax; null when the request leaves them as they are. */
    private static Set<Duty> relaxedDuties(List<String> names, Violations violations) {
        if (names == null) {
            return null;
        }
        Set<Duty> relaxed = EnumSet.noneOf(Duty.class);
        for (int i = 0; i < names.size(); i++) {
            Duty duty = names.get(i) == null
                    ? null
                    : Duty.parse(names.get(i).trim()).orElse(null);
            if (duty == null) {
                violations.add("relaxedDuties[" + i + "]", "Duty must be one of: " + Duty.validValues());
            } else {
                relaxed.add(duty);
            }
        }
        return relaxed;
    }

    private static String describe(CustomField field) {
        return (field.label() == null ? "unlabelled" : "'" + field.label() + "'")
                + (field.enabled() ? " enabled" : " disabled");
    }

    private static ZoneId zone(String value, Violations violations) {
        if (!violations.required("timeZone", value, "Time zone")) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            violations.add(
                    "timeZone", "Time zone '" + value + "' is not a known IANA time zone (e.g. America/Chicago)");
            return null;
        }
    }

    /** Slots left out of the request keep their current state. */
    private List<CustomField> customFields(List<SettingsRequest.CustomFieldRequest> requested, Violations violations) {
        List<CustomField> fields = new ArrayList<>();
        if (requested == null) {
            return fields;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            SettingsRequest.CustomFieldRequest field = requested.get(i);
            String prefix = "customFields[" + i + "].";
            if (field == null) {
                violations.add("customFields[" + i + "]", "Custom field must be an object");
                continue;
            }
            boolean valid = true;
            if (field.slot() == null || field.slot() < 1 || field.slot() > CustomField.SLOTS) {
                violations.add(prefix + "slot", "Slot must be between 1 and " + CustomField.SLOTS);
                valid = false;
            } else if (!seen.add(field.slot())) {
                violations.add(prefix + "slot", "Slot " + field.slot() + " appears more than once");
                valid = false;
            }
            String label = field.label() == null || field.label().isBlank()
                    ? null
                    : field.label().trim();
            violations.maxLength(prefix + "label", label, CustomField.MAX_LABEL_LENGTH, "Label");
            boolean enabled = Boolean.TRUE.equals(field.enabled());
            if (enabled && label == null) {
                violations.add(prefix + "label", "Label is required when the field is enabled");
            }
            if (valid) {
                fields.add(new CustomField(field.slot(), label, enabled));
            }
        }
        return fields;
    }
}
