package com.personnelevents.workflow;

/** An action the event's current state does not allow; the message says why, for the caller. */
public class WorkflowException extends RuntimeException {

    public WorkflowException(String message) {
        super(message);
    }
}
