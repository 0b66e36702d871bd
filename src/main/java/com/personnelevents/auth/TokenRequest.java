package com.personnelevents.auth;

import java.util.List;

public record TokenRequest(String name, List<String> scopes, String expiresAt) {}
