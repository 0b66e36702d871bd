package com.personnelevents.event;

/**
 * The hashes of the last entries of an event's two chains (activity, comments), kept with the event:
 * entries cut from the end of a chain no longer lead to its head. Null for a chain without entries.
 */
record ChainHeads(String activity, String comments) {

    static final ChainHeads NONE = new ChainHeads(null, null);
}
