package com.personnelevents.event;

import com.personnelevents.db.AuditRecords;
import com.personnelevents.workflow.Progress;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The states of an event that its audit trail records ({@link AuditRecords}): its own fields and each of
 * its stages, as the event holds them in memory and as the database holds them, rendered alike.
 */
final class EventAudit {

    private EventAudit() {}

    static Map<String, String> states(PersonnelEvent event) {
        return states(event.progress(), event.neededOn(), event.neededUntil(), event.assignee(), event.responses());
    }

    /** The same states from an event's parts (as it was loaded). */
    static Map<String, String> states(
            Progress progress,
            LocalDate neededOn,
            LocalDate neededUntil,
            PersonRef assignee,
            List<Response> responses) {
        return states(
                AuditRecords.eventState(
                        progress.status().name(),
                        neededOn,
                        neededUntil,
                        assignee == null ? null : assignee.id(),
                        assignee == null ? null : assignee.name(),
                        progress.snoozedUntil(),
                        progress.completedOn()),
                progress.stages(),
                responses);
    }

    /** The same states from the stored row and stages, for the verification. */
    static Map<String, String> states(EventRow row, List<Stage> stages, List<Response> responses) {
        return states(
                AuditRecords.eventState(
                        row.status().name(),
                        row.neededOn(),
                        row.neededUntil(),
                        row.assignee() == null ? null : row.assignee().id(),
                        row.assignee() == null ? null : row.assignee().name(),
                        row.snoozedUntil(),
                        row.completedOn()),
                stages,
                responses);
    }

    private static Map<String, String> states(String event, List<Stage> stages, List<Response> responses) {
        Map<String, String> states = AuditRecords.states();
        states.put(AuditRecords.EVENT, event);
        for (int position = 0; position < stages.size(); position++) {
            Stage stage = stages.get(position);
            states.put(
                    AuditRecords.stageSubject(stage.name().name()),
                    AuditRecords.stageState(
                            position,
                            stage.status().name(),
                            stage.scheduledStart(),
                            stage.startedOn(),
                            stage.completedOn(),
                            stage.completedBy(),
                            stage.completedById()));
        }
        // one line per step that has responses, each response as given, in order
        Map<String, List<String>> byStep = new java.util.LinkedHashMap<>();
        for (Response r : responses) {
            byStep.computeIfAbsent(AuditRecords.responsesSubject(r.step().name()), k -> new java.util.ArrayList<>())
                    .add(AuditRecords.responseState(
                            r.role().name(),
                            r.responder().kind().name(),
                            r.responder().id(),
                            r.responder().name(),
                            r.at()));
        }
        byStep.forEach((subject, list) -> states.put(subject, String.join(" | ", list)));
        return states;
    }

    /**
     * What differs in {@code now} from {@code before}: the changed and the new subjects with their states,
     * and a subject gone (a stage a reschedule dropped) with an empty state.
     */
    static Map<String, String> changed(Map<String, String> before, Map<String, String> now) {
        Map<String, String> changed = AuditRecords.states();
        now.forEach((subject, state) -> {
            if (!state.equals(before.get(subject))) {
                changed.put(subject, state);
            }
        });
        before.keySet().stream().filter(subject -> !now.containsKey(subject)).forEach(gone -> changed.put(gone, ""));
        return changed;
    }
}
