package com.personnelevents.event;

import com.personnelevents.access.AccessRequestService;
import com.personnelevents.access.AccessRequestView;
import com.personnelevents.access.HeldAccessView;
import com.personnelevents.access.IdentityAccessService;
import com.personnelevents.auth.Caller;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.web.PageController;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One person: their attributes, what they hold (for those who may see it), and their events and access
 * requests in time order (those the viewer may see): the product's "complete history" of a person.
 */
@Controller
class PersonPages implements PageController {

    private final IdentityService identities;
    private final IdentityAccessService access;
    private final PersonnelEventService events;
    private final AccessRequestService requests;

    PersonPages(
            IdentityService identities,
            IdentityAccessService access,
            PersonnelEventService events,
            AccessRequestService requests) {
        this.identities = identities;
        this.access = access;
        this.events = events;
        this.requests = requests;
    }

    /** One line of the person's history: an event or an access request, when it was raised. */
    record HistoryItem(Instant at, String kind, String text, Long eventNumber, String status) {}

    @GetMapping("/identities/{id}")
    String person(@PathVariable UUID id, Caller caller, Model model) {
        model.addAttribute("person", identities.get(id));
        List<HeldAccessView> held;
        try {
            held = access.held(id, caller);
        } catch (NotFoundException notTheirsToSee) {
            held = null;
        }
        model.addAttribute("held", held);
        List<HistoryItem> history = new ArrayList<>();
        EventFilter filter = EventFilter.parse(id.toString(), null, null).visibleTo(caller.narrowedTo());
        for (int page = 1; ; page++) {
            var found = events.page(page, filter);
            found.items()
                    .forEach(e -> history.add(new HistoryItem(
                            e.neededOn(),
                            "Event",
                            "#" + e.number() + " " + e.type() + ", effective "
                                    + e.neededOn().toString().substring(0, 10),
                            e.number(),
                            e.status().name())));
            if (page >= found.totalPages()) {
                break;
            }
        }
        for (int page = 1; ; page++) {
            var found = requests.page(page, id.toString(), null, null, null, caller);
            for (AccessRequestView r : found.items()) {
                history.add(new HistoryItem(
                        r.createdDate(),
                        "Access request",
                        "#" + r.number() + " " + r.action() + " "
                                + r.permission().name() + " in "
                                + r.application().name(),
                        null,
                        r.status().name()));
            }
            if (page >= found.totalPages()) {
                break;
            }
        }
        history.sort(Comparator.comparing(HistoryItem::at));
        model.addAttribute("history", history);
        return "identity/person";
    }
}
