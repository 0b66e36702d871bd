package com.personnelevents.identity;

import com.personnelevents.web.PageController;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** People: the directory, searched by name, email or HR id; and the person picker of the forms. */
@Controller
class IdentityPages implements PageController {

    private final IdentityService identities;

    IdentityPages(IdentityService identities) {
        this.identities = identities;
    }

    @GetMapping("/identities")
    String list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q == null || q.isBlank() ? null : q);
        filters.put("status", status == null || status.isBlank() ? null : status);
        model.addAttribute("filters", filters);
        model.addAttribute("statuses", IdentityStatus.values());
        model.addAttribute("people", identities.page(page, filters.get("status"), filters.get("q")));
        return "identity/list";
    }

    /** The options of a person picker: the first page of people the search finds. */
    @GetMapping("/identities/picker")
    String picker(@RequestParam String field, @RequestParam Map<String, String> params, Model model) {
        String search = params.get(field + "-search");
        List<IdentityResponse> people = search == null || search.isBlank()
                ? List.of()
                : identities.page(1, null, search).items();
        model.addAttribute("people", people);
        return "identity/picker :: options";
    }
}
