package com.personnelevents.failure;

/** A rule refuses this caller this action, whatever the state (403 forbidden); the message names the rule. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
