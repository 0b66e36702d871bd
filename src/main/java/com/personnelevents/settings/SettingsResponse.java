package com.personnelevents.settings;

import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.StageName;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;

record SettingsResponse(
        String timeZone,
        int leadTimeDays,
        List<CustomField> customFields,
        List<ApprovalRule> approvalRules,
        List<DutyRule> duties) {

    static SettingsResponse of(Settings settings) {
        return new SettingsResponse(
                settings.timeZone().getId(),
                settings.leadTimeDays(),
                settings.customFields(),
                Arrays.stream(EventType.values())
                        .map(type -> new ApprovalRule(
                                type.apiName(),
                                names(settings.responseRules().named(type, StageName.Approval)),
                                names(settings.responseRules().named(type, StageName.Verification))))
                        .toList(),
                Arrays.stream(Duty.values())
                        .map(duty -> new DutyRule(duty.apiName(), duty.rule(), !settings.enforces(duty)))
                        .toList());
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::apiName).toList();
    }

    /**
     * One type's rule. Empty lists keep the default: one response from the Security Team, or from a token
     * with the step's scope.
     */
    @Schema(name = "ApprovalRule")
    record ApprovalRule(
            @Schema(allowableValues = {"Onboard", "Offboard", "Role Transition", "Absence"})
            String eventType,

            List<String> approvers,
            List<String> verifiers) {}

    /** A separation of duties: its name, what it says, and whether an administrator relaxed it. */
    @Schema(name = "DutyRule")
    record DutyRule(String name, String rule, boolean relaxed) {}
}
