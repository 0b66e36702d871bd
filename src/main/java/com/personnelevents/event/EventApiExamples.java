package com.personnelevents.event;

import com.personnelevents.settings.SettingsService;
import com.personnelevents.web.ApiDocs;
import io.swagger.v3.oas.models.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The examples of the event requests in the API document, with dates counted from today in the
 * organisation's time zone, so that the document's own examples are always accepted (the document is
 * rebuilt on each request). Ids are the documents' sample ids: put real ones in their place.
 */
@Configuration(proxyBeanMethods = false)
class EventApiExamples {

    static final String SAMPLE_IDENTITY = "b2c3d4e5-f6a7-8901-bcde-f12345678901";

    @Bean
    OpenApiCustomizer eventRequestExamples(SettingsService settings, Clock clock) {
        return api -> {
            LocalDate today = settings.current().today(clock);
            ApiDocs.exampleBody(api, "createOnboard", onboard(today));
            ApiDocs.exampleBody(
                    api,
                    "createOffboard",
                    body(
                            "identityId",
                            SAMPLE_IDENTITY,
                            "effectiveDate",
                            today.plusDays(14).toString(),
                            "comment",
                            "Voluntary resignation"));
            ApiDocs.exampleBody(api, "createRoleTransition", roleTransition(today));
            ApiDocs.exampleBody(
                    api,
                    "createLeaveOfAbsence",
                    body(
                            "identityId",
                            SAMPLE_IDENTITY,
                            "effectiveDate",
                            today.plusDays(30).toString(),
                            "endDate",
                            today.plusDays(120).toString(),
                            "comment",
                            "FMLA leave"));
            ApiDocs.exampleBody(
                    api,
                    "snoozePersonnelEvent",
                    body("until", today.plusDays(14).toString(), "reason", "Waiting for the signed contract"));
            ApiDocs.exampleBody(api, "recordReturn", body("returnDate", today.toString()));
            identityChanges(api.getComponents().getSchemas());
        };
    }

    /**
     * A role transition sends only the identity fields that change: the same fields as an onboarding's
     * identity, none of them required.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void identityChanges(Map<String, Schema> schemas) {
        Schema identity = schemas.get("IdentityRequest");
        Schema transition = schemas.get("RoleTransitionRequest");
        if (identity == null || transition == null) {
            return;
        }
        Schema changes = new Schema<>()
                .type("object")
                .description("Only the fields that change; null or omitted fields keep their values")
                .properties(new LinkedHashMap<>(identity.getProperties()));
        schemas.put("IdentityChanges", changes);
        transition.getProperties().put("identity", new Schema<>().$ref("#/components/schemas/IdentityChanges"));
    }

    private static Map<String, Object> onboard(LocalDate today) {
        Map<String, Object> identity = body(
                "firstName", "Jane",
                "lastName", "Smith",
                "email", "jane.smith@valkyriecu.com",
                "company", "Valkyrie Credit Union",
                "division", "Operations",
                "department", "Lending",
                "office", "Main Branch",
                "title", "Loan Officer",
                "identityType", "Employee");
        Map<String, Object> onboard = new LinkedHashMap<>();
        onboard.put("identity", identity);
        onboard.put("effectiveDate", today.plusDays(30).toString());
        onboard.put("comment", "New hire starting in Lending department");
        return onboard;
    }

    private static Map<String, Object> roleTransition(LocalDate today) {
        Map<String, Object> transition = new LinkedHashMap<>();
        transition.put("identityId", SAMPLE_IDENTITY);
        transition.put("effectiveDate", today.plusDays(21).toString());
        transition.put("identity", body("title", "Senior Loan Officer", "department", "Commercial Lending"));
        transition.put("comment", "Promotion to Senior Loan Officer");
        return transition;
    }

    private static Map<String, Object> body(String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
