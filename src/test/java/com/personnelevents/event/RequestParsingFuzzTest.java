package com.personnelevents.event;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.personnelevents.identity.IdentityRequest;
import com.personnelevents.settings.CustomField;
import com.personnelevents.settings.Settings;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of what happens to a request body before any query: the application's own
 * JSON mapper (Spring Boot's, customised by {@code web.JsonConfig}) reads the bytes into a request
 * record, then the record's field checks run. Whatever the bytes, the outcome is a request or one of
 * the two failures the API answers with 400 ({@link JacksonException}, {@link ValidationException});
 * anything else (a NullPointerException, an IllegalStateException, a StackOverflowError ...) is a
 * finding and fails the build.
 *
 * <p>The first byte picks the request type, the rest is the body. {@code mvn verify} fuzzes for
 * {@code fuzz.duration} (15 s); {@code -Dfuzz.duration=10m} fuzzes longer. Seeds and any crash found
 * are kept under {@code src/test/resources/com/personnelevents/event/RequestParsingFuzzTestInputs} and
 * are replayed as regression tests on every run.
 */
class RequestParsingFuzzTest {

    private static final JsonMapper JSON = applicationJsonMapper();

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    /** Custom fields 1 and 2 enabled, so that both "enabled" and "not enabled" paths are reachable. */
    private static final Settings SETTINGS = new Settings(
            ZoneOffset.UTC,
            7,
            List.of(new CustomField(1, "Cost center", true), new CustomField(2, "Badge", true)),
            com.personnelevents.workflow.ResponseRules.DEFAULT,
            java.util.Set.of());

    /** One per request record; the checks are those the service applies before touching the database. */
    private static final List<Target> TARGETS = List.of(
            body -> create(JSON.readValue(body, OnboardRequest.class)),
            body -> create(JSON.readValue(body, OffboardRequest.class)),
            body -> create(JSON.readValue(body, RoleTransitionRequest.class)),
            body -> create(JSON.readValue(body, LeaveOfAbsenceRequest.class)),
            body -> action(JSON.readValue(body, ActionRequests.Note.class), ActionRequests.Note::validate),
            body -> action(JSON.readValue(body, ActionRequests.Reason.class), ActionRequests.Reason::validate),
            body -> action(JSON.readValue(body, ActionRequests.Snooze.class), ActionRequests.Snooze::validate),
            body -> action(JSON.readValue(body, ActionRequests.Return.class), ActionRequests.Return::validate),
            body -> action(JSON.readValue(body, ActionRequests.Reschedule.class), (r, v) -> r.validate(TODAY, v)),
            body -> action(JSON.readValue(body, ActionRequests.Assignee.class), ActionRequests.Assignee::validate),
            body -> check(JSON.readValue(body, ActionRequests.NewComment.class), ActionRequests.NewComment::validate),
            body -> check(
                    JSON.readValue(body, IdentityRequest.class),
                    (r, v) -> r.validate("identities[0].", IdentityRequest.Names.REQUIRED, SETTINGS, v)),
            // The other features check their bodies inside services that also query; here the reading.
            body -> JSON.readValue(body, type("com.personnelevents.identity.IdentityImportRequest")),
            body -> JSON.readValue(body, type("com.personnelevents.settings.SettingsRequest")),
            body -> JSON.readValue(body, type("com.personnelevents.auth.TokenRequest")),
            body -> JSON.readValue(body, type("com.personnelevents.access.AccessRequests$ApplicationRequest")),
            body -> JSON.readValue(body, type("com.personnelevents.access.AccessRequests$ModelRequest")),
            body -> JSON.readValue(body, type("com.personnelevents.access.AccessRequests$GrantImport")));

    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({
        "{\"",
        "\":",
        "\",\"",
        "\"}",
        "null",
        "true",
        "[",
        "]",
        "\\u0000",
        "\\ud800",
        "\\udc00",
        "2026-02-30",
        "2026-04-01",
        "T00:00:00Z",
        "+14:00",
        "identity",
        "identityId",
        "effectiveDate",
        "endDate",
        "comment",
        "firstName",
        "lastName",
        "email",
        "identityType",
        "supervisorId",
        "customField1",
        "customField3",
        "reason",
        "until",
        "returnDate",
        "assigneeId",
        "content",
        "identities",
        "timeZone",
        "leadTimeDays",
        "customFields",
        "scopes",
        "expiresAt",
        "permissions",
        "criteria",
        "grants",
        "0f0e0d0c-0b0a-4908-8706-050403020100"
    })
    void reading_and_checking_a_body_yields_a_request_or_a_400(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Target target = TARGETS.get((input[0] & 0xFF) % TARGETS.size());
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        try {
            target.run(body);
        } catch (JacksonException | ValidationException answeredWith400) {
            // the documented outcome for a bad body
        }
    }

    private static void create(EventRequest request) {
        if (request == null) {
            return; // a JSON null body: "Request body is missing or unreadable"
        }
        Violations violations = new Violations();
        NewEvent event = request.validate(SETTINGS, TODAY, violations);
        violations.throwIfAny();
        if (event.effectiveDate() == null || event.effectiveDate().isBefore(TODAY)) {
            throw new AssertionError("Accepted without a valid effective date: " + event);
        }
    }

    /** The production check of an action body, as the service runs it: null reads as the empty body. */
    private static <T> void action(T request, ActionRequests.Check<T, ?> check) {
        if (request == null) {
            return;
        }
        ActionRequests.checked(request, request, check);
    }

    private static <T> void check(T request, Check<T> check) {
        if (request == null) {
            return;
        }
        Violations violations = new Violations();
        check.apply(request, violations);
        violations.throwIfAny();
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " moved; update the fuzz targets", e);
        }
    }

    /** The mapper the application's HTTP layer uses: Spring Boot's, with the application's customizer. */
    private static JsonMapper applicationJsonMapper() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(JacksonAutoConfiguration.class, type("com.personnelevents.web.JsonConfig"));
            context.refresh();
            return context.getBean(JsonMapper.class);
        }
    }

    @FunctionalInterface
    private interface Target {
        void run(byte[] body);
    }

    @FunctionalInterface
    private interface Check<T> {
        void apply(T request, Violations violations);
    }
}
