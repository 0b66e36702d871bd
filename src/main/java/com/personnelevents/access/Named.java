package com.personnelevents.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A reference to something by id and name: an application, a permission, a person. */
public record Named(@Schema(nullable = true) UUID id, String name) {}
