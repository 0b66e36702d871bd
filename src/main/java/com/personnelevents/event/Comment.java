package com.personnelevents.event;

import java.time.Instant;

public record Comment(Instant createdDate, String author, String content) {}
