package com.personnelevents.access;

/** What an access request does to one permission of one person. */
public enum AccessAction {
    Add,
    Change,
    Remove,
    Suspend,
    Restore
}
