package com.personnelevents.settings;

import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.validation.FieldViolation;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.web.PageController;
import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.StageName;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings page: time zone, lead time, custom fields, the approval rules of each event type and the
 * separations of duties, saved through the same update the API uses (and recorded in the administrative
 * trail the same way). Administrators only.
 */
@Controller
class SettingsPages implements PageController {

    private final SettingsService settings;

    SettingsPages(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/settings")
    String show(Caller caller, Model model) {
        caller.require(Scope.ADMIN, "Administering the settings");
        return page(settings.current(), Map.of(), model);
    }

    @PostMapping("/admin/settings")
    String save(
            @RequestParam MultiValueMap<String, String> form,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        caller.require(Scope.ADMIN, "Administering the settings");
        List<SettingsRequest.CustomFieldRequest> fields = new ArrayList<>();
        for (int slot = 1; slot <= CustomField.SLOTS; slot++) {
            fields.add(new SettingsRequest.CustomFieldRequest(
                    slot, form.getFirst("label" + slot), form.containsKey("enabled" + slot)));
        }
        List<SettingsRequest.ApprovalRuleRequest> rules = new ArrayList<>();
        for (EventType type : EventType.values()) {
            rules.add(new SettingsRequest.ApprovalRuleRequest(
                    type.apiName(),
                    form.getOrDefault("approvers-" + type.name(), List.of()),
                    form.getOrDefault("verifiers-" + type.name(), List.of())));
        }
        Integer lead;
        try {
            lead = Integer.valueOf(form.getFirst("leadTimeDays").trim());
        } catch (RuntimeException e) {
            lead = null;
        }
        try {
            settings.update(
                    new SettingsRequest(
                            form.getFirst("timeZone"),
                            lead,
                            fields,
                            rules,
                            form.getOrDefault("relaxedDuties", List.of())),
                    caller.actor());
            redirect.addFlashAttribute("done", "The settings are saved");
            return "redirect:/admin/settings";
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.putIfAbsent(v.field(), v.message());
            }
            return page(settings.current(), errors, model);
        }
    }

    private String page(Settings current, Map<String, String> errors, Model model) {
        model.addAttribute("settings", current);
        model.addAttribute("errors", errors);
        model.addAttribute("types", EventType.values());
        model.addAttribute("steps", List.of(StageName.Approval, StageName.Verification));
        model.addAttribute(
                "ruleRoles",
                Arrays.stream(Role.values()).filter(Role::mayRespond).toList());
        model.addAttribute("duties", Duty.values());
        return "admin/settings";
    }
}
