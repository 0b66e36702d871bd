package com.personnelevents.event;

import com.personnelevents.workflow.IdentityChange;
import com.personnelevents.workflow.StageName;
import java.util.List;

/**
 * What a transition of an event causes beyond the event itself, for the service to carry out in the same
 * transaction: the identity's changes, and the stages that started (those that raise access requests raise
 * them then).
 */
record Changes(List<IdentityChange> identity, List<StageName> started) {

    static final Changes NONE = new Changes(List.of(), List.of());

    Changes {
        identity = List.copyOf(identity);
        started = List.copyOf(started);
    }
}
