package com.personnelevents.workflow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which roles must respond to each type of event's Approval and Verification steps, each once, by any one
 * person who holds the role. A step without named roles keeps the default: one response from a person of
 * the Security Team, or from a token with the step's scope ({@link #isDefault}).
 */
public record ResponseRules(Map<EventType, Map<StageName, List<Role>>> roles) {

    public static final ResponseRules DEFAULT = new ResponseRules(Map.of());

    /** What the default asks for: one response, from the Security Team. */
    public static final List<Role> DEFAULT_ROLES = List.of(Role.SecurityTeam);

    public ResponseRules {
        Map<EventType, Map<StageName, List<Role>>> copy = new EnumMap<>(EventType.class);
        roles.forEach((type, steps) -> {
            Map<StageName, List<Role>> byStep = new EnumMap<>(StageName.class);
            steps.forEach((step, named) -> {
                if (!named.isEmpty()) {
                    byStep.put(step, List.copyOf(named));
                }
            });
            copy.put(type, byStep);
        });
        roles = copy;
    }

    /** The roles named for the step; empty when the step keeps the default. */
    public List<Role> named(EventType type, StageName step) {
        return roles.getOrDefault(type, Map.of()).getOrDefault(step, List.of());
    }

    public boolean isDefault(EventType type, StageName step) {
        return named(type, step).isEmpty();
    }

    /** The roles that must respond: those named, or the default's. */
    public List<Role> required(EventType type, StageName step) {
        List<Role> named = named(type, step);
        return named.isEmpty() ? DEFAULT_ROLES : named;
    }
}
