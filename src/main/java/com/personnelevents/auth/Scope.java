package com.personnelevents.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may do. {@code events:write} creates events and does the everyday actions (cancel,
 * snooze, assign, comment, record a return); approving, provisioning and verifying are separate, as
 * they are separate duties at a bank. {@code admin} includes every other scope.
 */
@Schema(enumAsRef = true, description = "What a token may do; admin includes every other scope")
public enum Scope {
    EVENTS_READ("events:read"),
    EVENTS_WRITE("events:write"),
    /** Approve or reject events (the approvers of the workflow). */
    EVENTS_APPROVE("events:approve"),
    /** Complete Provision and Removal stages (the provision team). */
    EVENTS_PROVISION("events:provision"),
    /** Complete Verification stages (the verifiers). */
    EVENTS_VERIFY("events:verify"),
    IDENTITIES_READ("identities:read"),
    IDENTITIES_WRITE("identities:write"),
    /** Applications, access models, what people hold, access requests. */
    ACCESS_READ("access:read"),
    /** Define applications and access models, load what people hold. */
    ACCESS_WRITE("access:write"),
    /** Scrape /actuator/prometheus (give the monitoring system a token of its own with only this). */
    METRICS_READ("metrics:read"),
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The Spring Security authority that stands for this scope. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value.trim())).findFirst();
    }

    static Set<Scope> granted(Set<Scope> scopes) {
        return scopes.contains(ADMIN) ? EnumSet.allOf(Scope.class) : scopes;
    }

    public static String validValues() {
        return Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", "));
    }
}
