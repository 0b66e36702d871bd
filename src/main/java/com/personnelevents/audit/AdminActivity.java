package com.personnelevents.audit;

import java.time.Instant;

/**
 * One change to the service's configuration: who made it, what kind ({@code action}), what it was made to
 * ({@code subject}: "Settings", "Access model Tellers (id)", …) and what changed ({@code content}).
 */
public record AdminActivity(
        long id, Instant createdDate, String author, String action, String subject, String content) {}
