package com.personnelevents.auth;

import java.util.Set;
import java.util.UUID;

/** The token a request came with: its id and name (the documents' {@code reporter}) and scopes. */
public record ApiCaller(UUID tokenId, String name, Set<Scope> scopes) {}
