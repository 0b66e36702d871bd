package com.personnelevents.auth;

import com.personnelevents.web.ApiDocs;
import com.personnelevents.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens", description = "API tokens: named, with scopes, shown once, revocable")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createToken", summary = "Create a token; the answer holds its secret, shown this once")
    ResponseEntity<TokenView> create(@RequestBody TokenRequest request, Caller caller) {
        TokenView created = tokens.create(request, caller.actor());
        return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(operationId = "listTokens", summary = "List every token, without secrets")
    List<TokenView> list() {
        return tokens.list();
    }

    @DeleteMapping("/" + ApiPaths.ID)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Revoke a token: it is refused from the next request on")
    @ApiDocs.Conflict
    ResponseEntity<Void> revoke(@PathVariable UUID id, Caller caller) {
        tokens.revokeKeepingAnAdministrator(id, caller.actor());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/" + ApiPaths.ID + "/stands-in-for")
    @Operation(
            operationId = "setTokenStandsInFor",
            summary = "Set the roles an integration token's responses count for once approval rules name roles")
    @ApiDocs.Conflict
    TokenView standInFor(@PathVariable UUID id, @RequestBody(required = false) StandsInFor request, Caller caller) {
        return tokens.standInFor(id, request == null ? null : request.roles(), caller.actor());
    }

    /** The roles an integration token stands in for. */
    record StandsInFor(
            @ArraySchema(
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                    schema =
                            @Schema(
                                    allowableValues = {
                                        "Administrator",
                                        "Security Team",
                                        "Personnel Manager",
                                        "Provision Team",
                                        "Supervisor"
                                    }))
            List<String> roles) {}
}
