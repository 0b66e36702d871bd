package com.personnelevents.auth;

import com.personnelevents.web.ApiDocs;
import com.personnelevents.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
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
    ResponseEntity<TokenView> create(@RequestBody TokenRequest request, ApiCaller caller) {
        TokenView created = tokens.create(request, caller.name());
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
    ResponseEntity<Void> revoke(@PathVariable UUID id, ApiCaller caller) {
        tokens.revokeKeepingAnAdministrator(id, caller.name());
        return ResponseEntity.noContent().build();
    }
}
