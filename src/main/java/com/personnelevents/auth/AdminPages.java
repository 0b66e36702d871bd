package com.personnelevents.auth;

import com.personnelevents.validation.FieldViolation;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.web.PageController;
import com.personnelevents.workflow.Role;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration: the index of what the person may administer, the role mapping (groups to roles) and the
 * API tokens (a new token's secret shown once). Changes need the admin scope, which only Administrators'
 * roles give; the page refuses the rest whatever its links show.
 */
@Controller
class AdminPages implements PageController {

    private final RoleMapping roles;
    private final TokenService tokens;

    AdminPages(RoleMapping roles, TokenService tokens) {
        this.roles = roles;
        this.tokens = tokens;
    }

    @GetMapping("/admin")
    String index(Caller caller, Model model) {
        model.addAttribute("administrator", caller.has(Scope.ADMIN));
        model.addAttribute("accessOwner", caller.has(Scope.ACCESS_WRITE) || caller.has(Scope.ADMIN));
        return "admin/index";
    }

    @GetMapping("/admin/roles")
    String roles(Caller caller, Model model) {
        caller.require(Scope.ADMIN, "Administering roles");
        return rolesPage(roles.mapping(), Map.of(), model);
    }

    /** One text area per role, a group per line. */
    @PostMapping("/admin/roles")
    String saveRoles(
            @RequestParam Map<String, String> form,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        caller.require(Scope.ADMIN, "Administering roles");
        List<RolesDocument.RoleGroups> entries = new ArrayList<>();
        for (Role role : roles.mapping().keySet()) {
            String text = form.getOrDefault("role-" + role.name(), "");
            List<String> groups = Arrays.stream(text.split("\\R"))
                    .map(String::trim)
                    .filter(g -> !g.isEmpty())
                    .toList();
            entries.add(new RolesDocument.RoleGroups(role.apiName(), groups));
        }
        try {
            roles.replace(new RolesDocument(entries), caller);
            redirect.addFlashAttribute("done", "The roles are saved");
            return "redirect:/admin/roles";
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return rolesPage(roles.mapping(), errors(e), model);
        }
    }

    private String rolesPage(Map<Role, java.util.Set<String>> mapping, Map<String, String> errors, Model model) {
        Map<Role, String> text = new LinkedHashMap<>();
        mapping.forEach((role, groups) -> text.put(role, String.join("\n", groups)));
        model.addAttribute("mapping", text);
        model.addAttribute("errors", errors);
        return "admin/roles";
    }

    @GetMapping("/admin/tokens")
    String tokens(@RequestParam(defaultValue = "1") int page, Caller caller, Model model) {
        caller.require(Scope.ADMIN, "Administering tokens");
        return tokensPage(page, null, Map.of(), Map.of(), model);
    }

    @PostMapping("/admin/tokens")
    String createToken(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) String expiresAt,
            @RequestParam(required = false) List<String> standsInFor,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        caller.require(Scope.ADMIN, "Administering tokens");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("expiresAt", expiresAt);
        try {
            TokenView created = tokens.create(
                    new TokenRequest(
                            name,
                            scopes == null ? List.of() : scopes,
                            blank(expiresAt),
                            standsInFor == null ? null : standsInFor),
                    caller.actor());
            response.setStatus(HttpStatus.CREATED.value());
            return tokensPage(1, created, Map.of(), Map.of(), model);
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return tokensPage(1, null, values, errors(e), model);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Caller caller, RedirectAttributes redirect) {
        caller.require(Scope.ADMIN, "Administering tokens");
        tokens.revokeKeepingAnAdministrator(id, caller.actor());
        redirect.addFlashAttribute("done", "The token is revoked");
        return "redirect:/admin/tokens";
    }

    /** The form and one page of tokens, the newest first (a created token heads the first). */
    private String tokensPage(
            int page, TokenView created, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("tokens", tokens.page(page));
        model.addAttribute("created", created);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("allScopes", Scope.values());
        model.addAttribute(
                "respondingRoles",
                Arrays.stream(Role.values()).filter(Role::mayRespond).toList());
        return "admin/tokens";
    }

    static Map<String, String> errors(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : e.violations()) {
            errors.merge(v.field().replaceAll("\\[\\d+]$", ""), v.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
