package com.personnelevents.event;

import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import java.time.LocalDate;

/** A create request of one event type; it checks its own fields and records what is wrong. */
interface EventRequest {

    int COMMENT_MAX = 10_000;

    NewEvent validate(Settings settings, LocalDate today, Violations violations);

    static String comment(String comment, Violations violations) {
        return violations.longText("comment", comment, COMMENT_MAX, "Comment");
    }
}
