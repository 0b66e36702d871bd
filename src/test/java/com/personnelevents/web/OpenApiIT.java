package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published OpenAPI document matches the documented schemas in names and enum spellings. */
class OpenApiIT extends ApiIntegrationTest {

    @Test
    void documents_every_endpoint_of_the_reference() {
        JsonNode paths = apiDocs().at("paths");

        assertThat(paths.path("/api/personnel-events/onboard").has("post")).isTrue();
        assertThat(paths.path("/api/personnel-events/offboard").has("post")).isTrue();
        assertThat(paths.path("/api/personnel-events/role-transition").has("post"))
                .isTrue();
        assertThat(paths.path("/api/personnel-events/leave-of-absence").has("post"))
                .isTrue();
        assertThat(paths.path("/api/personnel-events").has("get")).isTrue();
        assertThat(paths.path("/api/personnel-events/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/identities").has("get")).isTrue();
        assertThat(paths.path("/api/identities").has("post")).isTrue();
        assertThat(paths.path("/api/settings").has("put")).isTrue();
    }

    @Test
    void the_event_schema_has_the_documented_fields_and_enums() {
        JsonNode event = schema("PersonnelEventResponse");

        assertThat(propertyNames(event))
                .contains(
                        "id",
                        "kind",
                        "number",
                        "type",
                        "status",
                        "reporter",
                        "assignee",
                        "affectedIdentity",
                        "neededOn",
                        "neededUntil",
                        "completedOn",
                        "stages",
                        "activity",
                        "comments");
        assertThat(enumValues(event.path("properties").path("type")))
                .containsExactly("Onboard", "Offboard", "Role Transition", "Absence");
        assertThat(enumValues(event.path("properties").path("status")))
                .containsExactly("Pending", "Open", "Resolved", "Completed", "Canceled", "Scheduled", "Snoozed");
    }

    @Test
    void the_identity_schema_has_the_documented_fields() {
        JsonNode identity = schema("IdentityResponse");

        assertThat(propertyNames(identity))
                .contains(
                        "id",
                        "kind",
                        "firstName",
                        "lastName",
                        "emailAddress",
                        "type",
                        "title",
                        "company",
                        "division",
                        "department",
                        "office",
                        "supervisorName",
                        "createdDate",
                        "updatedDate",
                        "firstSeenDate",
                        "inactivatedDate",
                        "status");
        assertThat(enumValues(identity.path("properties").path("status")))
                .containsExactly("Active", "Disabled", "Removed");
    }

    @Test
    void the_onboard_request_schema_has_the_documented_fields_and_identity_types() {
        JsonNode request = schema("OnboardRequest");
        JsonNode identity = schema("IdentityRequest");

        assertThat(propertyNames(request)).containsExactlyInAnyOrder("identity", "effectiveDate", "comment");
        assertThat(propertyNames(identity))
                .contains(
                        "firstName",
                        "lastName",
                        "email",
                        "supervisorId",
                        "company",
                        "division",
                        "department",
                        "office",
                        "title",
                        "identityType",
                        "customField1",
                        "customField9");
        assertThat(enumValues(resolve(identity.path("properties").path("identityType"))))
                .containsExactly(
                        "Employee",
                        "ServiceAccount",
                        "Vendor",
                        "Shared",
                        "Mailbox",
                        "Client",
                        "Temporary",
                        "Administrator",
                        "Auditor",
                        "Unknown");
    }

    @Test
    void the_list_schema_has_the_documented_page_fields() {
        ApiResponse docs = apiDocs();
        JsonNode ok = docs.at("paths")
                .path("/api/personnel-events")
                .path("get")
                .path("responses")
                .path("200")
                .path("content");
        JsonNode page = resolve(ok.path(ok.propertyNames().iterator().next()).path("schema"));

        assertThat(propertyNames(page)).contains("items", "totalCount", "page", "pageSize", "totalPages");
    }

    @Test
    void swagger_ui_is_served() {
        ApiResponse ui = call(
                org.springframework.http.HttpMethod.GET,
                "/swagger-ui/index.html",
                null,
                null,
                java.util.Map.of("Accept", "text/html"));

        assertThat(ui.status()).isEqualTo(200);
    }

    private ApiResponse apiDocs() {
        ApiResponse docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        return docs;
    }

    private JsonNode schema(String name) {
        JsonNode schema = apiDocs().at("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String name = node.path("$ref").asString().replace("#/components/schemas/", "");
            return schema(name);
        }
        if (node.has("allOf")) {
            return resolve(node.path("allOf").get(0));
        }
        return node;
    }

    private static List<String> propertyNames(JsonNode schema) {
        return new ArrayList<>(schema.path("properties").propertyNames());
    }

    private List<String> enumValues(JsonNode property) {
        List<String> values = new ArrayList<>();
        resolve(property).path("enum").forEach(v -> values.add(v.asString()));
        return values;
    }
}
