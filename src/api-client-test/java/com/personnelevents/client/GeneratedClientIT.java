package com.personnelevents.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.personnelevents.client.api.PersonnelEventsApi;
import com.personnelevents.client.api.TokensApi;
import com.personnelevents.client.model.ErrorEnvelope;
import com.personnelevents.client.model.FieldViolation;
import com.personnelevents.client.model.IdentityChanges;
import com.personnelevents.client.model.IdentityRequest;
import com.personnelevents.client.model.LeaveOfAbsenceRequest;
import com.personnelevents.client.model.OffboardRequest;
import com.personnelevents.client.model.OnboardRequest;
import com.personnelevents.client.model.PersonnelEventResponse;
import com.personnelevents.client.model.RoleTransitionRequest;
import com.personnelevents.client.model.Scope;
import com.personnelevents.client.model.TokenRequest;
import com.personnelevents.client.model.TokenView;
import com.personnelevents.support.ApiIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated at build time from the API document the server serves (openapi-generator,
 * native library) speaks to the real server: what an integrator gets from {@code /v3/api-docs}.
 */
class GeneratedClientIT extends ApiIntegrationTest {

    private PersonnelEventsApi events;
    private ApiClient api;

    @BeforeEach
    void client() {
        api = clientWith(token("events:write", "events:read", "identities:write", "admin"));
        events = new PersonnelEventsApi(api);
    }

    @Test
    void creates_an_onboarding_and_reads_the_201_body_and_headers() throws ApiException {
        ApiResponse<PersonnelEventResponse> created = events.createOnboardWithHttpInfo(
                new OnboardRequest()
                        .identity(new IdentityRequest()
                                .firstName("Jane")
                                .lastName("Smith")
                                .identityType(IdentityRequest.IdentityTypeEnum.EMPLOYEE))
                        .effectiveDate(TODAY.plusDays(12).toString())
                        .comment("New hire"),
                "client-" + UUID.randomUUID());

        assertThat(created.getStatusCode()).isEqualTo(201);
        PersonnelEventResponse event = created.getData();
        assertThat(event.getId()).isNotNull();
        assertThat(created.getHeaders().get("Location")).containsExactly("/api/personnel-events/" + event.getId());
        assertThat(created.getHeaders().get("Idempotent-Replayed")).containsExactly("false");
        assertThat(event.getType()).isEqualTo(PersonnelEventResponse.TypeEnum.ONBOARD);
        assertThat(event.getStatus()).isEqualTo(PersonnelEventResponse.StatusEnum.SCHEDULED);
        assertThat(event.getAffectedIdentity().getFirstName()).isEqualTo("Jane");
        assertThat(event.getAssignee()).isNull();
        assertThat(event.getStages())
                .extracting(s -> s.getName().getValue())
                .containsExactly("Approval", "Provision", "Verification");
        assertThat(events.getPersonnelEvent(event.getId()).getNumber()).isEqualTo(event.getNumber());
    }

    @Test
    void creates_an_offboarding_a_role_transition_and_a_leave() throws ApiException {
        UUID person = givenIdentity("Sarah", "Chen");

        PersonnelEventResponse offboard = events.createOffboard(
                new OffboardRequest()
                        .identityId(person)
                        .effectiveDate(TODAY.plusDays(20).toString()),
                null);
        PersonnelEventResponse transition = events.createRoleTransition(
                new RoleTransitionRequest()
                        .identityId(person)
                        .effectiveDate(TODAY.plusDays(10).toString())
                        .identity(new IdentityChanges().title("Senior Loan Officer")),
                null);
        PersonnelEventResponse leave = events.createLeaveOfAbsence(
                new LeaveOfAbsenceRequest()
                        .identityId(person)
                        .effectiveDate(TODAY.plusDays(5).toString())
                        .endDate(TODAY.plusDays(8).toString()),
                null);

        assertThat(List.of(offboard.getType(), transition.getType(), leave.getType()))
                .containsExactly(
                        PersonnelEventResponse.TypeEnum.OFFBOARD,
                        PersonnelEventResponse.TypeEnum.ROLE_TRANSITION,
                        PersonnelEventResponse.TypeEnum.ABSENCE);
        assertThat(leave.getAffectedIdentity().getId()).isEqualTo(person);
        assertThat(leave.getNeededUntil()).isNotNull();
    }

    @Test
    void reads_a_400_as_the_typed_error_envelope() throws Exception {
        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> events.createOffboard(
                        new OffboardRequest().identityId(UUID.randomUUID()).effectiveDate("2020-01-01"), null));

        assertThat(refused.getCode()).isEqualTo(400);
        ErrorEnvelope envelope = api.getObjectMapper().readValue(refused.getResponseBody(), ErrorEnvelope.class);
        assertThat(envelope.getError()).isEqualTo("validation_error");
        assertThat(envelope.getCorrelationId()).isNotBlank();
        assertThat(envelope.getErrors())
                .extracting(FieldViolation::getField)
                .containsExactlyInAnyOrder("identityId", "effectiveDate");
    }

    @Test
    void creating_a_token_returns_its_secret() throws ApiException {
        TokenView created = new TokensApi(api)
                .createToken(new TokenRequest().name("Generated client").scopes(List.of(Scope.EVENTS_READ)));

        assertThat(created.getToken()).isNotBlank();
        assertThat(created.getExpiresAt()).isNull();
        assertThat(new PersonnelEventsApi(clientWith(created.getToken()))
                        .listPersonnelEvents(1, null, null, null)
                        .getPageSize())
                .isEqualTo(50);
    }

    private ApiClient clientWith(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
