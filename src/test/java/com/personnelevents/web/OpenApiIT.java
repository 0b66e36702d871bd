package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The published OpenAPI document matches the documented schemas in names and enum spellings. */
class OpenApiIT extends ApiIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Value("${personnel-events.public-url}")
    private String publicUrl;

    @Autowired
    private ApiDocumentRefresh documents;

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

    @Test
    void documents_every_api_endpoint_spring_serves_and_nothing_else() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .map(path -> path.replaceAll("\\{(\\w+):[^/]*}", "{$1}"))
                        .forEach(path -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> served.add(method + " " + path))));
        Set<String> documented = new TreeSet<>();
        apiDocs()
                .at("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method ->
                                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    void every_operation_has_an_operation_id_a_summary_and_a_feature_tag() {
        List<String> ids = new ArrayList<>();
        operations().forEach(operation -> {
            assertThat(operation.path("operationId").asString())
                    .as(operation.toString())
                    .matches("[a-z][A-Za-z]+");
            assertThat(operation.path("summary").asString())
                    .as(operation.toString())
                    .isNotBlank();
            assertThat(operation.path("tags").get(0).asString()).doesNotEndWith("-controller");
            ids.add(operation.path("operationId").asString());
        });
        assertThat(ids).doesNotHaveDuplicates().contains("createOnboard", "listPersonnelEvents", "getPersonnelEvent");
    }

    @Test
    void shows_no_internal_parameter_and_no_error_endpoint() {
        JsonNode docs = apiDocs().body();

        assertThat(docs.path("paths").has("/error")).isFalse();
        operations()
                .forEach(operation -> operation
                        .path("parameters")
                        .forEach(parameter ->
                                assertThat(parameter.path("name").asString()).isNotEqualTo("caller")));
    }

    @Test
    void the_servers_entry_is_the_configured_public_url_whatever_the_host_header() {
        ApiResponse docs = call(HttpMethod.GET, "/v3/api-docs", null, null, Map.of("Host", "attacker.example"));

        assertThat(docs.at("servers").size()).isEqualTo(1);
        assertThat(docs.at("servers").get(0).path("url").asString()).isEqualTo(publicUrl);
    }

    @Test
    void every_error_answer_is_the_envelope_and_every_answer_carries_the_correlation_id() {
        JsonNode components = apiDocs().at("components");
        operations()
                .forEach(operation -> operation.path("responses").properties().forEach(answer -> {
                    JsonNode response = answer.getValue();
                    if (response.has("$ref")) {
                        String name = response.path("$ref").asString().replace("#/components/responses/", "");
                        response = components.path("responses").path(name);
                    }
                    assertThat(response.path("headers").has("X-Correlation-Id"))
                            .as(operation.path("operationId").asString() + " " + answer.getKey())
                            .isTrue();
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        assertThat(response.at("/content/application~1json/schema/$ref")
                                        .asString())
                                .isEqualTo("#/components/schemas/ErrorEnvelope");
                    }
                }));
    }

    @Test
    void creates_answer_201_with_location_and_the_replay_header() {
        JsonNode created = apiDocs()
                .at("paths")
                .path("/api/personnel-events/onboard")
                .path("post")
                .path("responses")
                .path("201");

        assertThat(created.path("headers").has("Location")).isTrue();
        assertThat(created.path("headers").has("Idempotent-Replayed")).isTrue();
        assertThat(created.at("/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/PersonnelEventResponse");
    }

    @Test
    void the_documents_examples_are_accepted_whatever_the_day() {
        clock.set(NOW.plus(java.time.Duration.ofDays(400)));
        documents.forget(); // the hourly rebuild
        UUID person = givenIdentity("Example", "Person");
        String writer = token("events:write", "admin");
        Map<String, String> creates = Map.of(
                "createOnboard", "/api/personnel-events/onboard",
                "createOffboard", "/api/personnel-events/offboard",
                "createRoleTransition", "/api/personnel-events/role-transition",
                "createLeaveOfAbsence", "/api/personnel-events/leave-of-absence",
                "createToken", "/api/tokens");
        JsonNode docs = apiDocs().body();

        creates.forEach((operationId, path) -> {
            String example =
                    example(docs, path, operationId).replace("b2c3d4e5-f6a7-8901-bcde-f12345678901", person.toString());
            ApiResponse created = post(path, writer, example);
            assertThat(created.status())
                    .as(operationId + " " + example + " -> " + created.body())
                    .isEqualTo(201);
            if (!path.endsWith("tokens")) {
                post(
                        "/api/personnel-events/" + created.text("id") + "/cancel",
                        token("admin"),
                        "{\"reason\":\"example\"}");
            }
        });
    }

    private static String example(JsonNode docs, String path, String operationId) {
        JsonNode operation = docs.path("paths").path(path).path("post");
        assertThat(operation.path("operationId").asString()).isEqualTo(operationId);
        JsonNode example = operation.at("/requestBody/content/application~1json/example");
        assertThat(example.isObject()).as(operationId + " has an example").isTrue();
        return example.toString();
    }

    private List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        apiDocs().at("paths").properties().forEach(path -> path.getValue().forEach(operations::add));
        return operations;
    }

    @Test
    void is_built_once_and_served_from_the_cache() {
        documents.forget();
        String first = apiDocs().body().toString();
        clock.set(NOW.plus(java.time.Duration.ofDays(3)));

        String again = call(HttpMethod.GET, "/v3/api-docs", null, null, Map.of("Accept-Language", "fr-CA"))
                .body()
                .toString();

        assertThat(again).isEqualTo(first);
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
