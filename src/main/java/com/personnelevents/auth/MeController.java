package com.personnelevents.auth;

import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "Who the caller is, which roles they hold and why; a person's own tokens")
class MeController {

    private final Me me;
    private final TokenService tokens;

    MeController(Me me, TokenService tokens) {
        this.me = me;
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(operationId = "getMe", summary = "Who the caller is, which roles they hold and why")
    Me.View get(Caller caller) {
        return me.of(caller);
    }

    @GetMapping("/tokens")
    @Operation(operationId = "listMyTokens", summary = "The calling person's own tokens, without secrets")
    List<TokenView> tokens(Caller caller) {
        return tokens.listPersonal(person(caller).identityId());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createMyToken",
            summary = "Create a personal token that acts as the calling person; its secret is shown this once")
    ResponseEntity<TokenView> createToken(@RequestBody TokenRequest request, Caller caller) {
        TokenView created = tokens.createPersonal(person(caller), request);
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/tokens/" + ApiPaths.ID)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeMyToken", summary = "Revoke one of the calling person's own tokens")
    ResponseEntity<Void> revokeToken(@PathVariable UUID id, Caller caller) {
        tokens.revokePersonal(id, person(caller));
        return ResponseEntity.noContent().build();
    }

    private static Caller person(Caller caller) {
        if (!caller.isPerson()) {
            throw new ForbiddenException("Only a person has personal tokens; this is an integration token");
        }
        return caller;
    }

    /** Assembles the answer of GET /api/me: the roles of groups, and those held through facts. */
    @org.springframework.stereotype.Component
    static class Me {

        private final AccountService accounts;
        private final RoleMapping mapping;
        private final ObjectProvider<HeldRoles> held;

        Me(AccountService accounts, RoleMapping mapping, ObjectProvider<HeldRoles> held) {
            this.accounts = accounts;
            this.mapping = mapping;
            this.held = held;
        }

        View of(Caller caller) {
            List<HeldRoles.HeldRole> roles = new ArrayList<>();
            if (caller.isPerson()) {
                Set<String> groups = accounts.groupsOf(caller.identityId());
                mapping.mapping()
                        .forEach((role, mapped) -> groups.stream()
                                .filter(mapped::contains)
                                .forEach(group -> roles.add(new HeldRoles.HeldRole(role, "group " + group))));
                held.orderedStream()
                        .flatMap(h -> h.of(caller.identityId()).stream())
                        .sorted(java.util.Comparator.comparing(HeldRoles.HeldRole::role))
                        .forEach(roles::add);
            } else {
                caller.roles().stream()
                        .sorted()
                        .forEach(role -> roles.add(new HeldRoles.HeldRole(role, "stands in for it")));
            }
            return new View(
                    caller.isPerson() ? "Person" : "Token",
                    caller.isPerson() ? caller.identityId() : null,
                    caller.tokenId(),
                    caller.name(),
                    roles.stream()
                            .map(r -> new RoleView(r.role().apiName(), r.because()))
                            .toList(),
                    caller.scopes().stream().sorted().toList());
        }

        /** The caller: a person (their identity) or an integration token, and what they hold. */
        @Schema(name = "Me")
        record View(
                @Schema(allowableValues = {"Person", "Token"})
                String kind,

                @Schema(nullable = true, description = "The person's identity; null for an integration token")
                UUID identityId,

                @Schema(nullable = true, description = "The token the request came with; null for a session")
                UUID tokenId,

                String name,
                List<RoleView> roles,

                @Schema(description = "What the caller's roles (a person) or scopes (a token) open at the door")
                List<Scope> scopes) {}

        /** A role held, and why. */
        @Schema(name = "HeldRole")
        record RoleView(String role, String because) {}
    }
}
