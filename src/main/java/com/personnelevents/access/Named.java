package com.personnelevents.access;

import java.util.UUID;

/** A reference to something by id and name: an application, a permission, a person. */
public record Named(UUID id, String name) {}
