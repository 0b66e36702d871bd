package com.personnelevents.event;

import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.IdentityChange;
import com.personnelevents.workflow.StageName;
import java.util.List;

/**
 * What a transition of an event causes beyond the event itself, for the service to carry out in the same
 * transaction: the identity's changes, the stages that started (those that raise access requests raise
 * them then), and who called the event off, if it was (its requests are canceled, its completed changes
 * undone).
 */
record Changes(List<IdentityChange> identity, List<StageName> started, Actor calledOffBy, boolean undo) {

    static final Changes NONE = new Changes(List.of(), List.of(), null, false);

    Changes {
        identity = List.copyOf(identity);
        started = List.copyOf(started);
    }

    Changes(List<IdentityChange> identity, List<StageName> started) {
        this(identity, started, null, false);
    }

    /**
     * The same identity changes, the event called off by {@code by}, its completed changes undone or
     * not; the stage a cancel opens to undo them raises nothing by itself.
     */
    Changes calledOffBy(Actor by, boolean undo) {
        return new Changes(identity, List.of(), by, undo);
    }

    boolean calledOff() {
        return calledOffBy != null;
    }
}
