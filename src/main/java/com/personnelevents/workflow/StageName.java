package com.personnelevents.workflow;

/** The milestones an event passes; which ones, and in what order, depends on its type. */
public enum StageName {
    Approval,
    Provision,
    Removal,
    Verification
}
