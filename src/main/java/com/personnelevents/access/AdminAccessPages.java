package com.personnelevents.access;

import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.identity.IdentityAttribute;
import com.personnelevents.validation.FieldViolation;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applications (with their permissions and the people responsible for them) and access models (with who
 * they match now), administered by the Security Team, as the API does it: reading is open to everyone who
 * signs in, changes need access:write (an application's people also an administrator).
 */
@Controller
class AdminAccessPages implements PageController {

    private final ApplicationService applications;
    private final AccessModelService models;

    AdminAccessPages(ApplicationService applications, AccessModelService models) {
        this.applications = applications;
        this.models = models;
    }

    @GetMapping("/admin/applications")
    String applications(Caller caller, Model model) {
        return applicationsPage(caller, Map.of(), Map.of(), model);
    }

    @PostMapping("/admin/applications")
    String createApplication(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String permissions,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        caller.require(Scope.ACCESS_WRITE, "Adding an application");
        try {
            ApplicationView created = applications.create(
                    new AccessRequests.ApplicationRequest(name, blank(description), permissionList(permissions)),
                    caller.actor());
            redirect.addFlashAttribute("done", "Application " + created.name() + " added");
            return "redirect:/admin/applications/" + created.id();
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("description", description);
            values.put("permissions", permissions);
            return applicationsPage(caller, values, errors(e), model);
        }
    }

    private String applicationsPage(
            Caller caller, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("applications", applications.list());
        model.addAttribute("mayChange", caller.has(Scope.ACCESS_WRITE));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "admin/applications";
    }

    @GetMapping("/admin/applications/{id}")
    String application(@PathVariable UUID id, Caller caller, Model model) {
        model.addAttribute("app", applications.get(id));
        model.addAttribute("mayName", caller.has(Scope.ACCESS_WRITE) || caller.has(Scope.ADMIN));
        return "admin/application";
    }

    /** Adds a person to, or takes one from, the application's Provision Engineers or Application Managers. */
    @PostMapping("/admin/applications/{id}/responsibilities")
    String responsibilities(
            @PathVariable UUID id,
            @RequestParam String list,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) String remove,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!caller.has(Scope.ACCESS_WRITE)) {
            caller.require(Scope.ADMIN, "Naming an application's people");
        }
        ApplicationView current = applications.get(id);
        boolean engineers = list.equals("provisionEngineers");
        List<String> people = new ArrayList<>((engineers ? current.provisionEngineers() : current.applicationManagers())
                .stream().map(p -> p.id().toString()).toList());
        String add = form.get("add-" + list);
        if (add != null && !add.isBlank()) {
            people.add(add.trim());
        }
        if (remove != null) {
            people.remove(remove);
        }
        try {
            applications.setResponsibilities(
                    id,
                    engineers
                            ? new AccessRequests.ResponsibilitiesRequest(people, null)
                            : new AccessRequests.ResponsibilitiesRequest(null, people),
                    caller.actor());
            redirect.addFlashAttribute("done", "Saved");
            return "redirect:/admin/applications/" + id;
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "refused",
                    String.join(
                            "; ",
                            e.violations().stream().map(FieldViolation::message).toList()));
            return application(id, caller, model);
        }
    }

    @GetMapping("/admin/access-models")
    String models(Caller caller, Model model) {
        return modelsPage(caller, Map.of(), Map.of(), model);
    }

    @PostMapping("/admin/access-models")
    String createModel(
            @RequestParam MultiValueMap<String, String> form,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        caller.require(Scope.ACCESS_WRITE, "Defining an access model");
        Map<String, List<String>> criteria = new LinkedHashMap<>();
        for (IdentityAttribute attribute : IdentityAttribute.MATCHABLE) {
            String values = form.getFirst("criterion-" + attribute.name());
            if (values != null && !values.isBlank()) {
                criteria.put(
                        attribute.name(),
                        Arrays.stream(values.split(","))
                                .map(String::trim)
                                .filter(v -> !v.isEmpty())
                                .toList());
            }
        }
        // the form names permissions by id; the request, as the API's, by application and permission name
        Map<String, AccessRequests.PermissionName> byId = new LinkedHashMap<>();
        for (ApplicationView application : applications.list()) {
            application
                    .permissions()
                    .forEach(p -> byId.put(
                            p.id().toString(), new AccessRequests.PermissionName(application.name(), p.name())));
        }
        List<AccessRequests.PermissionName> permissions = form.getOrDefault("permission", List.of()).stream()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        try {
            AccessModelView created = models.create(
                    new AccessRequests.ModelRequest(
                            form.getFirst("name"), blank(form.getFirst("description")), true, criteria, permissions),
                    caller.actor());
            redirect.addFlashAttribute("done", "Access model " + created.name() + " defined");
            return "redirect:/admin/access-models/" + created.id();
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> values = new LinkedHashMap<>();
            form.forEach((k, v) -> values.put(k, String.join(",", v)));
            return modelsPage(caller, values, errors(e), model);
        }
    }

    private String modelsPage(Caller caller, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("models", models.list());
        model.addAttribute("applications", applications.list());
        model.addAttribute("attributes", IdentityAttribute.MATCHABLE);
        model.addAttribute("mayChange", caller.has(Scope.ACCESS_WRITE));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "admin/models";
    }

    @GetMapping("/admin/access-models/{id}")
    String model(@PathVariable UUID id, Model model) {
        model.addAttribute("model", models.get(id));
        model.addAttribute("matching", models.whoMatches(id));
        return "admin/model";
    }

    private static List<AccessRequests.PermissionRequest> permissionList(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .map(p -> new AccessRequests.PermissionRequest(p, null))
                .toList();
    }

    private static Map<String, String> errors(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : e.violations()) {
            errors.merge(v.field().replaceAll("\\[\\d+].*$", ""), v.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
