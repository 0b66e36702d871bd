package com.personnelevents.access;

import com.personnelevents.auth.Caller;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.validation.FieldViolation;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.web.PageController;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Change Management: the access requests a person may see, filtered by application, action and status, and
 * what they may do to each (assign to themselves, carry out, refuse with a reason, raise a refused removal
 * again or accept it as an exception), through the services the API uses.
 */
@Controller
class AccessRequestPages implements PageController {

    private final AccessRequestService requests;
    private final AccessExceptionService exceptions;
    private final ApplicationService applications;

    AccessRequestPages(
            AccessRequestService requests, AccessExceptionService exceptions, ApplicationService applications) {
        this.requests = requests;
        this.exceptions = exceptions;
        this.applications = applications;
    }

    @GetMapping("/access-requests")
    String list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String applicationId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Caller caller,
            Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("applicationId", blank(applicationId));
        filters.put("type", blank(type));
        filters.put("status", blank(status));
        model.addAttribute("filters", filters);
        model.addAttribute("applications", applications.list());
        model.addAttribute("actionTypes", AccessAction.values());
        model.addAttribute("statuses", EventStatus.values());
        try {
            PageResponse<AccessRequestView> found = requests.page(
                    page, null, filters.get("applicationId"), filters.get("status"), filters.get("type"), caller);
            model.addAttribute("found", found);
            model.addAttribute("actions", requests.actions(found.items(), caller));
        } catch (ValidationException e) {
            model.addAttribute(
                    "errors",
                    e.violations().stream().map(FieldViolation::message).toList());
        }
        return htmx != null ? "access/requests :: results" : "access/requests";
    }

    @PostMapping("/access-requests/{id}/assign-to-me")
    String assignToMe(
            @PathVariable UUID id,
            Listed listed,
            Caller caller,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        return act(() -> requests.assignToMe(id, caller), "Assigned to you", listed, caller, redirect, response, model);
    }

    @PostMapping("/access-requests/{id}/complete")
    String complete(
            @PathVariable UUID id,
            Listed listed,
            Caller caller,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        return act(() -> requests.complete(id, caller), "Carried out", listed, caller, redirect, response, model);
    }

    @PostMapping("/access-requests/{id}/reject")
    String reject(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Listed listed,
            Caller caller,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        return act(() -> requests.reject(id, reason, caller), "Refused", listed, caller, redirect, response, model);
    }

    @PostMapping("/access-requests/{id}/retry")
    String retry(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Listed listed,
            Caller caller,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        return act(
                () -> exceptions.retry(id, new AccessRequests.Reason(reason), caller),
                "Raised again",
                listed,
                caller,
                redirect,
                response,
                model);
    }

    @PostMapping("/access-requests/{id}/accept-exception")
    String accept(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Listed listed,
            Caller caller,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        return act(
                () -> exceptions.accept(id, new AccessRequests.Reason(reason), caller),
                "Exception accepted",
                listed,
                caller,
                redirect,
                response,
                model);
    }

    /** The list an action was taken from (its filters and page, sent along with the action), to return to. */
    record Listed(String page, String applicationId, String type, String status) {

        int number() {
            try {
                return page == null ? 1 : Math.max(1, Integer.parseInt(page.trim()));
            } catch (NumberFormatException notANumber) {
                return 1;
            }
        }

        String path() {
            return org.springframework.web.util.UriComponentsBuilder.fromPath("/access-requests")
                    .queryParamIfPresent("page", java.util.Optional.of(number()).filter(p -> p > 1))
                    .queryParamIfPresent("applicationId", java.util.Optional.ofNullable(blank(applicationId)))
                    .queryParamIfPresent("type", java.util.Optional.ofNullable(blank(type)))
                    .queryParamIfPresent("status", java.util.Optional.ofNullable(blank(status)))
                    .encode()
                    .build()
                    .toUriString();
        }
    }

    /**
     * Success: back to the list as it was (a new GET). Refused: that list with why, and the status the API
     * gives.
     */
    private String act(
            Supplier<AccessRequestView> action,
            String done,
            Listed listed,
            Caller caller,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        try {
            AccessRequestView request = action.get();
            redirect.addFlashAttribute("done", done + ": #" + request.number());
            return "redirect:" + listed.path();
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "refused",
                    String.join(
                            "; ",
                            e.violations().stream().map(FieldViolation::message).toList()));
        } catch (ForbiddenException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", e.getMessage());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refused", e.getMessage());
        }
        return list(listed.number(), listed.applicationId(), listed.type(), listed.status(), null, caller, model);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
