package com.personnelevents.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile and malformed requests to every write endpoint, each with the 4xx it must get. Two parts:
 * the same structural attacks against every endpoint (broken JSON, wrong types, control characters,
 * invalid UTF-8, oversize bodies, wrong methods and content types ...), then the field rules of each
 * endpoint (impossible dates, time zones, GUIDs, scopes, criteria ...).
 *
 * <p>Requests that carry injection strings but are otherwise valid are not errors and are not here:
 * {@code HostileInputIT} checks that they are stored verbatim.
 */
final class HostileInputCorpus {

    static final String INVALID_JSON = "Request body is not valid JSON";
    static final String UNREADABLE = "Request body is missing or unreadable";
    static final String NOT_AN_OBJECT = "Request body must be a JSON object";
    static final String TOO_LARGE = "Request body must not exceed 1024 KiB";
    static final String NOT_JSON = "Content-Type must be application/json";
    static final int ONE_MIB = 1024 * 1024;

    /** The fixture application and permission the valid access bodies name. */
    static final String APPLICATION = "Hostile Fixture Ledger";

    static final String PERMISSION = "Teller";

    /** A well-formed GUID that no row has. */
    static final String UNKNOWN_ID = "0f0e0d0c-0b0a-4908-8706-050403020100";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A write endpoint: its valid body, the text field the generic attacks aim at, and whether an absent
     * body or all-null fields are errors there (they are not where every field is optional).
     */
    record Endpoint(
            String name,
            HttpMethod method,
            String path,
            String validBody,
            String textField,
            boolean checksTextBeforeLookup,
            boolean absentBodyIsError) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(
                    "onboard", HttpMethod.POST, "/api/personnel-events/onboard", """
                    {"identity":{"firstName":"Sarah","lastName":"Chen","email":"schen@example.com",
                     "department":"Lending","identityType":"Employee"},
                     "effectiveDate":"2026-04-01","comment":"New hire"}""", "identity.firstName", true, true),
            new Endpoint("offboard", HttpMethod.POST, "/api/personnel-events/offboard", """
                    {"identityId":"{identity}","effectiveDate":"2026-04-01","comment":"Resignation"}""", "comment", true, true),
            new Endpoint(
                    "role transition",
                    HttpMethod.POST,
                    "/api/personnel-events/role-transition",
                    """
                    {"identityId":"{identity}","effectiveDate":"2026-04-01","endDate":"2026-05-01",
                     "identity":{"title":"Senior Loan Officer"},"comment":"Promotion"}""",
                    "identity.title",
                    true,
                    true),
            new Endpoint(
                    "leave of absence",
                    HttpMethod.POST,
                    "/api/personnel-events/leave-of-absence",
                    """
                    {"identityId":"{identity}","effectiveDate":"2026-05-01","endDate":"2026-08-01","comment":"FMLA"}""",
                    "comment",
                    true,
                    true),
            new Endpoint(
                    "approve", HttpMethod.POST, "/api/personnel-events/{event}/approve", """
                    {"comment":"Approved"}""", "comment", true, false),
            new Endpoint("reject", HttpMethod.POST, "/api/personnel-events/{event}/reject", """
                    {"reason":"Duplicate"}""", "reason", true, true),
            new Endpoint(
                    "complete stage",
                    HttpMethod.POST,
                    "/api/personnel-events/{event}/stages/Provision/complete",
                    """
                    {"comment":"Done"}""",
                    "comment",
                    true,
                    false),
            new Endpoint("cancel", HttpMethod.POST, "/api/personnel-events/{event}/cancel", """
                    {"reason":"Plans changed"}""", "reason", true, true),
            new Endpoint("snooze", HttpMethod.POST, "/api/personnel-events/{event}/snooze", """
                    {"until":"2026-04-15","reason":"Waiting for HR"}""", "reason", true, true),
            new Endpoint(
                    "record return",
                    HttpMethod.POST,
                    "/api/personnel-events/{event}/return",
                    """
                    {"returnDate":"2026-07-20"}""",
                    "returnDate",
                    true,
                    false),
            new Endpoint(
                    "assign", HttpMethod.PUT, "/api/personnel-events/{event}/assignee", """
                    {"assigneeId":"{identity}"}""", "assigneeId", true, false),
            new Endpoint(
                    "comment", HttpMethod.POST, "/api/personnel-events/{event}/comments", """
                    {"content":"Looks good"}""", "content", true, true),
            new Endpoint(
                    "identity import", HttpMethod.POST, "/api/identities", """
                    {"identities":[{"externalId":"hostile-ana","firstName":"Ana","lastName":"Lima",
                     "email":"ana@example.com","department":"Lending","status":"Active"}]}""", "identities.0.lastName", true, true),
            new Endpoint("settings", HttpMethod.PUT, "/api/settings", """
                    {"timeZone":"America/Chicago","leadTimeDays":7,
                     "customFields":[{"slot":1,"label":"Cost center","enabled":true}]}""", "timeZone", true, true),
            new Endpoint("token", HttpMethod.POST, "/api/tokens", """
                    {"name":"HRIS sync","scopes":["events:read"],"expiresAt":"2027-01-01"}""", "name", true, true),
            new Endpoint("application", HttpMethod.POST, "/api/applications", """
                    {"name":"Core Banking","description":"Ledger",
                     "permissions":[{"name":"Teller","description":"Counter staff"}]}""", "name", true, true),
            new Endpoint(
                    "application update",
                    HttpMethod.PUT,
                    "/api/applications/{application}",
                    """
                    {"name":"Hostile Fixture Ledger","description":"Ledger",
                     "permissions":[{"name":"Teller","description":"Counter staff"}]}""",
                    "description",
                    true,
                    true),
            new Endpoint("access model", HttpMethod.POST, "/api/access-models", """
                    {"name":"Lending staff","criteria":{"department":["Lending"]},
                     "permissions":[{"application":"Hostile Fixture Ledger","permission":"Teller"}]}""", "name", true, true),
            new Endpoint(
                    "access model update",
                    HttpMethod.PUT,
                    "/api/access-models/{model}",
                    """
                    {"name":"Hostile fixture model","description":"All tellers","enabled":true,
                     "criteria":{"department":["Lending"]},
                     "permissions":[{"application":"Hostile Fixture Ledger","permission":"Teller"}]}""",
                    "description",
                    true,
                    true),
            new Endpoint(
                    "identity access import",
                    HttpMethod.POST,
                    "/api/identity-access",
                    """
                    {"grants":[{"identityId":"{identity}","application":"Hostile Fixture Ledger",
                     "permission":"Teller","account":"ana.lima"}]}""",
                    "grants.0.account",
                    true,
                    true),
            new Endpoint("roles", HttpMethod.PUT, "/api/roles", """
                    {"roles":[{"role":"Reporting Only","groups":["Reporting Only"]}]}""", "roles.0.groups.0", true, true),
            new Endpoint(
                    "responsibilities",
                    HttpMethod.PUT,
                    "/api/applications/{application}/responsibilities",
                    """
                    {"provisionEngineers":["{identity}"],"applicationManagers":[]}""",
                    "provisionEngineers.0",
                    true,
                    false),
            new Endpoint(
                    "token stands in", HttpMethod.PUT, "/api/tokens/{token}/stands-in-for", """
                    {"roles":["Supervisor"]}""", "roles.0", true, true),
            new Endpoint(
                    "access request reject",
                    HttpMethod.POST,
                    "/api/access-requests/" + UNKNOWN_ID + "/reject",
                    """
                    {"reason":"Not needed"}""",
                    "reason",
                    false,
                    false));

    private HostileInputCorpus() {}

    static List<HostileRequest> all() {
        List<HostileRequest> all = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            all.addAll(structural(endpoint));
        }
        for (String create : List.of("onboard", "offboard", "role transition", "leave of absence")) {
            all.addAll(encodingAndShape(endpoint(create)));
        }
        all.addAll(eventCreates());
        all.addAll(eventActions());
        all.addAll(identities());
        all.addAll(settings());
        all.addAll(tokens());
        all.addAll(access());
        all.addAll(csvImport());
        all.addAll(paths());
        return all;
    }

    /** The same attacks against every endpoint. */
    private static List<HostileRequest> structural(Endpoint e) {
        Cases c = new Cases(e);
        String valid = compact(e.validBody());
        c.invalidJson("broken JSON", "{bad");
        c.invalidJson("truncated body", valid.substring(0, valid.length() / 2));
        c.invalidJson("trailing garbage", valid + " garbage");
        c.invalidJson("duplicate key", duplicateFirstKey(valid));
        c.invalidJson(
                "invalid UTF-8 in a string",
                replaceMarker(with(valid, e.textField(), "@@"), new byte[] {(byte) 0xC3, 0x28}));
        c.add(
                "deeply nested objects",
                json("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
                400,
                "validation_error",
                null,
                null);
        c.add("JSON array instead of object", json("[" + valid + "]"), 400, "validation_error", null, NOT_AN_OBJECT);
        c.add(
                "unknown top-level field",
                json(with(valid, "bogusField", "x")),
                400,
                "validation_error",
                "bogusField",
                null);
        c.add("Content-Type text/plain", "text/plain", json(valid), 415, "unsupported_media_type", null, NOT_JSON);
        c.add(
                "body over 1 MiB",
                null,
                () -> json(valid.replaceFirst("\\{", "{" + " ".repeat(ONE_MIB))).get(),
                413,
                "payload_too_large",
                null,
                TOO_LARGE);
        c.request(
                "PATCH",
                HttpMethod.PATCH,
                Map.of("Content-Type", "application/json"),
                json(valid),
                405,
                "method_not_allowed",
                null);
        if (e.absentBodyIsError()) {
            c.add("empty body", json(""), 400, "validation_error", null, null);
            c.add("JSON null body", json("null"), 400, "validation_error", null, null);
            c.add("every field null", json(nullsEverywhere(valid)), 400, "validation_error", null, null);
            c.add("empty object", json("{}"), 400, "validation_error", null, null);
        }
        String field = apiField(e.textField());
        c.add(
                "number where a string belongs",
                json(with(valid, e.textField(), NODES.numberNode(42))),
                400,
                "validation_error",
                field,
                null);
        c.add(
                "escaped lone surrogate",
                replaceMarker(with(valid, e.textField(), "x@@y"), "\\ud800".getBytes(StandardCharsets.US_ASCII)),
                400,
                "validation_error",
                field,
                null);
        c.add("NUL character", json(with(valid, e.textField(), "Sa\u0000rah")), 400, "validation_error", field, null);
        if (e.checksTextBeforeLookup()) {
            c.add(
                    "escape character",
                    json(with(valid, e.textField(), "x\u001b[31my")),
                    400,
                    "validation_error",
                    field,
                    null);
            c.add(
                    "100,000 character string",
                    json(with(valid, e.textField(), "A".repeat(100_000))),
                    400,
                    "validation_error",
                    field,
                    null);
        }
        return c.cases;
    }

    /**
     * More ways to get the encoding and the shape of a body wrong; against the four creates only, as
     * every endpoint reads its body with the same mapper.
     */
    private static List<HostileRequest> encodingAndShape(Endpoint e) {
        Cases c = new Cases(e);
        String valid = compact(e.validBody());
        String field = apiField(e.textField());
        c.add("two objects", json(valid + valid), 400, "validation_error", null, null);
        c.invalidJson("single quotes", valid.replace('"', '\''));
        c.invalidJson("comment in JSON", "/* hi */" + valid);
        c.invalidJson("NaN literal", valid.replaceFirst("\\{", "{\"x\":NaN,"));
        c.invalidJson(
                "raw control character in a string",
                with(valid, e.textField(), "\u0001").replace("\\u0001", "\u0001"));
        c.invalidJson(
                "lone UTF-8 continuation byte",
                replaceMarker(with(valid, e.textField(), "@@"), new byte[] {(byte) 0x80}));
        c.invalidJson("0xFF byte", replaceMarker(with(valid, e.textField(), "@@"), new byte[] {(byte) 0xFF}));
        c.add("deeply nested arrays", json("[".repeat(5_000) + "]".repeat(5_000)), 400, "validation_error", null, null);
        c.add("JSON string instead of object", json("\"hello\""), 400, "validation_error", null, NOT_AN_OBJECT);
        c.add("JSON number instead of object", json("12"), 400, "validation_error", null, NOT_AN_OBJECT);
        c.add(
                "field named like a prototype",
                json(with(valid, "__proto__", "x")),
                400,
                "validation_error",
                "__proto__",
                null);
        c.add(
                "Content-Type application/xml",
                "application/xml",
                json("<a/>"),
                415,
                "unsupported_media_type",
                null,
                NOT_JSON);
        c.add(
                "Content-Type form-urlencoded",
                "application/x-www-form-urlencoded",
                json("a=1"),
                415,
                "unsupported_media_type",
                null,
                NOT_JSON);
        c.add(
                "Content-Type octet-stream",
                "application/octet-stream",
                json(valid),
                415,
                "unsupported_media_type",
                null,
                NOT_JSON);
        c.add(
                "boolean where a string belongs",
                json(with(valid, e.textField(), NODES.booleanNode(true))),
                400,
                "validation_error",
                field,
                null);
        c.add(
                "object where a string belongs",
                json(with(valid, e.textField(), NODES.objectNode().put("a", "b"))),
                400,
                "validation_error",
                field,
                null);
        c.add(
                "array where a string belongs",
                json(with(valid, e.textField(), NODES.arrayNode().add("a"))),
                400,
                "validation_error",
                field,
                null);
        c.add(
                "huge number where a string belongs",
                json(with(valid, e.textField(), NODES.numberNode(new java.math.BigInteger("9".repeat(400))))),
                400,
                "validation_error",
                null,
                null);
        c.add(
                "lone surrogate encoded as CESU-8",
                replaceMarker(with(valid, e.textField(), "@@"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                400,
                "validation_error",
                null,
                INVALID_JSON);
        c.add(
                "overlong UTF-8 NUL",
                replaceMarker(with(valid, e.textField(), "@@"), new byte[] {(byte) 0xC0, (byte) 0x80}),
                400,
                "validation_error",
                null,
                null);
        return c.cases;
    }

    private static List<HostileRequest> eventCreates() {
        Endpoint onboard = endpoint("onboard");
        Cases c = new Cases(onboard);
        String valid = compact(onboard.validBody());
        for (String date : List.of(
                "2026-02-30",
                "2026-02-29",
                "2026-04-31",
                "2026-13-01",
                "2026-00-10",
                "0000-00-00",
                "2026-4-1",
                "20260401",
                "01/04/2026",
                "April 1st",
                "2026-04-01+02:00",
                "2026-04-01Z",
                "2026-04-01T25:00:00Z",
                "2026-04-01T24:00:00Z",
                "2026-04-01T23:59:60Z",
                "2026-04-01T12:00:00+19:00",
                "2026-04-01T12:00:00+25:00",
                "2026-04-01T12:00:00[Europe/Berlin]",
                "2026-04-01T12:00:00 America/Chicago",
                "2026-04-01T12:00:00EST",
                "+10000-01-01",
                "+10000-01-01T00:00:00Z",
                "+999999999-12-31T00:00:00Z",
                "-2026-04-01",
                "2026-04-01'; DROP TABLE personnel_event; --",
                "2025-03-20",
                "2026-03-19",
                "2026-03-19T23:59:59-12:00")) {
            c.add(
                    "effective date " + date,
                    json(with(valid, "effectiveDate", date)),
                    400,
                    "validation_error",
                    "effectiveDate",
                    null);
        }
        c.add(
                "effective date blank",
                json(with(valid, "effectiveDate", "   ")),
                400,
                "validation_error",
                "effectiveDate",
                null);
        c.add(
                "effective date as number",
                json(with(valid, "effectiveDate", NODES.numberNode(20260401))),
                400,
                "validation_error",
                "effectiveDate",
                null);
        c.add(
                "effective date missing",
                json(without(valid, "effectiveDate")),
                400,
                "validation_error",
                "effectiveDate",
                null);
        c.add("identity missing", json(without(valid, "identity")), 400, "validation_error", "identity", null);
        c.add(
                "identity as string",
                json(with(valid, "identity", "Sarah Chen")),
                400,
                "validation_error",
                "identity",
                null);
        c.add(
                "identity as array",
                json(with(valid, "identity", NODES.arrayNode())),
                400,
                "validation_error",
                "identity",
                null);
        c.add(
                "first name blank",
                json(with(valid, "identity.firstName", " \t ")),
                400,
                "validation_error",
                "identity.firstName",
                null);
        c.add(
                "first name 257 characters",
                json(with(valid, "identity.firstName", "a".repeat(257))),
                400,
                "validation_error",
                "identity.firstName",
                null);
        c.add(
                "first name with line separator",
                json(with(valid, "identity.firstName", "Sa\u2028rah")),
                400,
                "validation_error",
                "identity.firstName",
                null);
        c.add(
                "first name with bell",
                json(with(valid, "identity.firstName", "Sa\u0007rah")),
                400,
                "validation_error",
                "identity.firstName",
                null);
        c.add(
                "department 129 characters",
                json(with(valid, "identity.department", "d".repeat(129))),
                400,
                "validation_error",
                "identity.department",
                null);
        for (String email : List.of("not-an-email", "a@b@c", "x @y", "@example.com", "sarah@")) {
            c.add(
                    "email " + email,
                    json(with(valid, "identity.email", email)),
                    400,
                    "validation_error",
                    "identity.email",
                    null);
        }
        for (String type : List.of("Bogus", "Employee; DROP TABLE identity", "Emp\u0000loyee", "x".repeat(51))) {
            c.add(
                    "identity type " + type.substring(0, Math.min(type.length(), 24)),
                    json(with(valid, "identity.identityType", type)),
                    400,
                    "validation_error",
                    "identity.identityType",
                    null);
        }
        for (String guid : List.of(
                "not-a-guid", "{" + UNKNOWN_ID + "}", UNKNOWN_ID.replace("-", ""), UNKNOWN_ID + "0", "' OR '1'='1")) {
            c.add(
                    "supervisor id " + guid,
                    json(with(valid, "identity.supervisorId", guid)),
                    400,
                    "validation_error",
                    "identity.supervisorId",
                    null);
        }
        c.add(
                "unknown supervisor",
                json(with(valid, "identity.supervisorId", UNKNOWN_ID)),
                400,
                "validation_error",
                "identity.supervisorId",
                null);
        c.add(
                "custom field not enabled",
                json(with(valid, "identity.customField1", "CC-1")),
                400,
                "validation_error",
                "identity.customField1",
                null);
        c.add(
                "custom field 10 does not exist",
                json(with(valid, "identity.customField10", "x")),
                400,
                "validation_error",
                "identity.customField10",
                null);
        c.add(
                "custom field 2049 characters",
                json(with(valid, "identity.customField2", "c".repeat(2049))),
                400,
                "validation_error",
                "identity.customField2",
                null);
        c.add(
                "comment 10,001 characters",
                json(with(valid, "comment", "c".repeat(10_001))),
                400,
                "validation_error",
                "comment",
                null);
        c.add(
                "unknown nested field",
                json(with(valid, "identity.nickname", "Sally")),
                400,
                "validation_error",
                "identity.nickname",
                "One or more validation errors occurred");
        c.add(
                "misspelt field",
                json(with(without(valid, "comment"), "comments", "typo")),
                400,
                "validation_error",
                "comments",
                null);
        c.add(
                "all of the errors at once",
                json(with(
                        with(with(valid, "identity.firstName", ""), "identity.email", "nope"),
                        "effectiveDate",
                        "2026-02-30")),
                400,
                "validation_error",
                "effectiveDate",
                null);
        for (String key : List.of("has space", "x".repeat(257), "tab\there")) {
            c.request(
                    "Idempotency-Key " + key.substring(0, Math.min(key.length(), 12)),
                    HttpMethod.POST,
                    Map.of("Content-Type", "application/json", "Idempotency-Key", key),
                    json(valid),
                    400,
                    "validation_error",
                    "Idempotency-Key");
        }

        Endpoint offboard = endpoint("offboard");
        Cases off = new Cases(offboard);
        String offValid = compact(offboard.validBody());
        for (String id : List.of(
                "not-a-guid",
                "",
                "12345",
                "' OR 1=1 --",
                "{" + UNKNOWN_ID + "}",
                UNKNOWN_ID,
                "00000000-0000-0000-0000-000000000000")) {
            off.add(
                    "identity id '" + id + "'",
                    json(with(offValid, "identityId", id)),
                    400,
                    "validation_error",
                    "identityId",
                    null);
        }
        off.add(
                "identity id as number",
                json(with(offValid, "identityId", NODES.numberNode(12345))),
                400,
                "validation_error",
                "identityId",
                null);
        off.add(
                "identity id missing",
                json(without(offValid, "identityId")),
                400,
                "validation_error",
                "identityId",
                null);
        off.add(
                "effective date 2026-02-30",
                json(with(offValid, "effectiveDate", "2026-02-30")),
                400,
                "validation_error",
                "effectiveDate",
                null);

        Endpoint role = endpoint("role transition");
        Cases rt = new Cases(role);
        String roleValid = compact(role.validBody());
        rt.add(
                "end date before effective date",
                json(with(roleValid, "endDate", "2026-03-31")),
                400,
                "validation_error",
                "endDate",
                null);
        rt.add(
                "end date equal to effective date",
                json(with(roleValid, "endDate", "2026-04-01")),
                400,
                "validation_error",
                "endDate",
                null);
        rt.add(
                "end date 2026-06-31",
                json(with(roleValid, "endDate", "2026-06-31")),
                400,
                "validation_error",
                "endDate",
                null);
        rt.add(
                "end date with offset on a date",
                json(with(roleValid, "endDate", "2026-05-01-05:00")),
                400,
                "validation_error",
                "endDate",
                null);
        rt.add(
                "identity type Bogus",
                json(with(roleValid, "identity.identityType", "Bogus")),
                400,
                "validation_error",
                "identity.identityType",
                null);
        rt.add(
                "identity as number",
                json(with(roleValid, "identity", NODES.numberNode(1))),
                400,
                "validation_error",
                "identity",
                null);

        Endpoint leave = endpoint("leave of absence");
        Cases loa = new Cases(leave);
        String leaveValid = compact(leave.validBody());
        loa.add(
                "end date 2026-02-30",
                json(with(leaveValid, "endDate", "2026-02-30")),
                400,
                "validation_error",
                "endDate",
                null);
        loa.add(
                "end date before start",
                json(with(leaveValid, "endDate", "2026-04-30")),
                400,
                "validation_error",
                "endDate",
                null);
        loa.add(
                "end date 31st of September",
                json(with(leaveValid, "endDate", "2026-09-31")),
                400,
                "validation_error",
                "endDate",
                null);
        loa.add(
                "effective date in the past",
                json(with(leaveValid, "effectiveDate", "2020-01-01")),
                400,
                "validation_error",
                "effectiveDate",
                null);

        List<HostileRequest> all = new ArrayList<>(c.cases);
        all.addAll(off.cases);
        all.addAll(rt.cases);
        all.addAll(loa.cases);
        return all;
    }

    private static List<HostileRequest> eventActions() {
        List<HostileRequest> all = new ArrayList<>();
        Cases reject = new Cases(endpoint("reject"));
        reject.add("reason missing", json("{}"), 400, "validation_error", "reason", null);
        reject.add("reason blank", json("{\"reason\":\"  \"}"), 400, "validation_error", "reason", null);
        reject.add(
                "reason 4,001 characters",
                json("{\"reason\":\"" + "r".repeat(4001) + "\"}"),
                400,
                "validation_error",
                "reason",
                null);
        reject.add("no body", null, 400, "validation_error", "reason", null);
        all.addAll(reject.cases);

        Cases cancel = new Cases(endpoint("cancel"));
        cancel.add("reason null", json("{\"reason\":null}"), 400, "validation_error", "reason", null);
        cancel.add("no body", null, 400, "validation_error", "reason", null);
        all.addAll(cancel.cases);

        Cases snooze = new Cases(endpoint("snooze"));
        for (String until : List.of("2026-02-30", "tomorrow", "2026-04-15+01:00", "2026-04-15T24:30:00")) {
            snooze.add("until " + until, json("{\"until\":\"" + until + "\"}"), 400, "validation_error", "until", null);
        }
        snooze.add("until missing", json("{\"reason\":\"later\"}"), 400, "validation_error", "until", null);
        snooze.add("until as number", json("{\"until\":20260415}"), 400, "validation_error", "until", null);
        all.addAll(snooze.cases);

        Cases ret = new Cases(endpoint("record return"));
        for (String date : List.of("2026-02-30", "2026-07-20+02:00", "next week", "2026-07-20T12:00:00+99:00")) {
            ret.add(
                    "return date " + date,
                    json("{\"returnDate\":\"" + date + "\"}"),
                    400,
                    "validation_error",
                    "returnDate",
                    null);
        }
        all.addAll(ret.cases);

        Cases assign = new Cases(endpoint("assign"));
        assign.add(
                "assignee not a GUID", json("{\"assigneeId\":\"bob\"}"), 400, "validation_error", "assigneeId", null);
        assign.add(
                "assignee unknown",
                json("{\"assigneeId\":\"" + UNKNOWN_ID + "\"}"),
                400,
                "validation_error",
                "assigneeId",
                null);
        assign.add(
                "assignee injection",
                json("{\"assigneeId\":\"1; DELETE FROM identity\"}"),
                400,
                "validation_error",
                "assigneeId",
                null);
        all.addAll(assign.cases);

        Cases comment = new Cases(endpoint("comment"));
        comment.add("content missing", json("{}"), 400, "validation_error", "content", null);
        comment.add("content blank", json("{\"content\":\"\\n\\t \"}"), 400, "validation_error", "content", null);
        comment.add(
                "content 10,001 characters",
                json("{\"content\":\"" + "c".repeat(10_001) + "\"}"),
                400,
                "validation_error",
                "content",
                null);
        comment.add("no body", null, 400, "validation_error", "content", null);
        all.addAll(comment.cases);

        Cases approve = new Cases(endpoint("approve"));
        approve.add(
                "comment 10,001 characters",
                json("{\"comment\":\"" + "c".repeat(10_001) + "\"}"),
                400,
                "validation_error",
                "comment",
                null);
        all.addAll(approve.cases);

        Cases complete = new Cases(endpoint("complete stage"));
        for (String stage : List.of("%2e%2e", "%3B", "a;b")) {
            // the security firewall refuses these before Spring MVC sees them
            complete.request(
                    "stage " + stage,
                    HttpMethod.POST,
                    "/api/personnel-events/{event}/stages/" + stage + "/complete",
                    Map.of("Content-Type", "application/json"),
                    json("{}"),
                    400,
                    "validation_error",
                    null);
        }
        for (String stage : List.of("Bogus", "Approval", "Provision%20")) {
            complete.request(
                    "stage " + stage,
                    HttpMethod.POST,
                    "/api/personnel-events/{event}/stages/" + stage + "/complete",
                    Map.of("Content-Type", "application/json"),
                    json("{}"),
                    400,
                    "validation_error",
                    "stage");
        }
        all.addAll(complete.cases);
        return all;
    }

    private static List<HostileRequest> identities() {
        Endpoint e = endpoint("identity import");
        Cases c = new Cases(e);
        String valid = compact(e.validBody());
        c.add("identities missing", json("{}"), 400, "validation_error", "identities", null);
        c.add("identities empty", json("{\"identities\":[]}"), 400, "validation_error", "identities", null);
        c.add("identities as object", json("{\"identities\":{}}"), 400, "validation_error", "identities", null);
        c.add("identities as string", json("{\"identities\":\"Ana\"}"), 400, "validation_error", "identities", null);
        c.add("a null identity", json("{\"identities\":[null]}"), 400, "validation_error", "identities[0]", null);
        c.add("an identity as number", json("{\"identities\":[1]}"), 400, "validation_error", "identities[0]", null);
        c.add(
                "1,001 identities",
                () -> {
                    StringBuilder body = new StringBuilder("{\"identities\":[");
                    for (int i = 0; i < 1001; i++) {
                        body.append(i == 0 ? "" : ",")
                                .append("{\"externalId\":\"bulk-")
                                .append(i)
                                .append("\",\"firstName\":\"A\",\"lastName\":\"B\"}");
                    }
                    return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                },
                400,
                "validation_error",
                "identities",
                null);
        c.add(
                "status Bogus",
                json(with(valid, "identities.0.status", "Bogus")),
                400,
                "validation_error",
                "identities[0].status",
                null);
        c.add(
                "first name missing",
                json(without(valid, "identities.0.firstName")),
                400,
                "validation_error",
                "identities[0].firstName",
                null);
        c.add(
                "email invalid",
                json(with(valid, "identities.0.email", "ana(at)example.com")),
                400,
                "validation_error",
                "identities[0].email",
                null);
        c.add(
                "external id with NUL",
                json(with(valid, "identities.0.externalId", "ext\u0000-1")),
                400,
                "validation_error",
                "identities[0].externalId",
                null);
        c.add(
                "external id 257 characters",
                json(with(valid, "identities.0.externalId", "e".repeat(257))),
                400,
                "validation_error",
                "identities[0].externalId",
                null);
        c.add(
                "email with NUL and no external id",
                json(with(without(valid, "identities.0.externalId"), "identities.0.email", "ana\u0000@example.com")),
                400,
                "validation_error",
                "identities[0].email",
                null);
        c.add(
                "neither external id nor email",
                json(without(without(valid, "identities.0.externalId"), "identities.0.email")),
                400,
                "validation_error",
                "identities[0].externalId",
                null);
        c.add(
                "supervisor external id with NUL",
                json(with(valid, "identities.0.supervisorExternalId", "boss\u0000")),
                400,
                "validation_error",
                "identities[0].supervisorExternalId",
                null);
        c.add(
                "supervisor external id unknown",
                json(with(valid, "identities.0.supervisorExternalId", "nobody-here")),
                400,
                "validation_error",
                "identities[0].supervisorExternalId",
                null);
        c.add(
                "supervisor id unknown",
                json(with(valid, "identities.0.supervisorId", UNKNOWN_ID)),
                400,
                "validation_error",
                "identities[0].supervisorId",
                null);
        c.add(
                "own supervisor",
                json(with(valid, "identities.0.supervisorExternalId", "hostile-ana")),
                400,
                "validation_error",
                "identities[0].supervisorExternalId",
                null);
        c.add(
                "same external id twice",
                json(
                        "{\"identities\":[{\"externalId\":\"twin\",\"firstName\":\"A\",\"lastName\":\"B\"},{\"externalId\":\"twin\",\"firstName\":\"C\",\"lastName\":\"D\"}]}"),
                400,
                "validation_error",
                "identities[1].externalId",
                null);
        c.add(
                "identity type as number",
                json(with(valid, "identities.0.identityType", NODES.numberNode(3))),
                400,
                "validation_error",
                "identities[0].identityType",
                null);
        return c.cases;
    }

    private static List<HostileRequest> settings() {
        Endpoint e = endpoint("settings");
        Cases c = new Cases(e);
        String valid = compact(e.validBody());
        for (String zone : List.of(
                "Mars/Phobos",
                "",
                "+25:00",
                "UTC+25",
                " America/Chicago",
                "../../etc/passwd",
                "America/Chicago\u0000",
                "Europe/Berlin; DROP TABLE settings")) {
            c.add(
                    "time zone '" + zone.replace("\u0000", "\\0") + "'",
                    json(with(valid, "timeZone", zone)),
                    400,
                    "validation_error",
                    "timeZone",
                    null);
        }
        c.add("time zone missing", json(without(valid, "timeZone")), 400, "validation_error", "timeZone", null);
        for (String lead : List.of("0", "100", "-1", "2147483648", "7.5", "1e400", "\"7\"", "true", "null")) {
            c.add(
                    "lead time " + lead,
                    json(valid.replace("\"leadTimeDays\":7", "\"leadTimeDays\":" + lead)),
                    400,
                    "validation_error",
                    "leadTimeDays",
                    null);
        }
        c.add(
                "custom field slot 0",
                json(with(valid, "customFields.0.slot", NODES.numberNode(0))),
                400,
                "validation_error",
                "customFields[0].slot",
                null);
        c.add(
                "custom field slot 10",
                json(with(valid, "customFields.0.slot", NODES.numberNode(10))),
                400,
                "validation_error",
                "customFields[0].slot",
                null);
        c.add(
                "custom field slot as string",
                json(with(valid, "customFields.0.slot", "one")),
                400,
                "validation_error",
                "customFields[0].slot",
                null);
        c.add(
                "custom field label 17 characters",
                json(with(valid, "customFields.0.label", "l".repeat(17))),
                400,
                "validation_error",
                "customFields[0].label",
                null);
        c.add(
                "custom field enabled without label",
                json(without(valid, "customFields.0.label")),
                400,
                "validation_error",
                "customFields[0].label",
                null);
        c.add(
                "custom field enabled as string",
                json(with(valid, "customFields.0.enabled", "yes")),
                400,
                "validation_error",
                "customFields[0].enabled",
                null);
        c.add(
                "custom field enabled as number",
                json(with(valid, "customFields.0.enabled", NODES.numberNode(1))),
                400,
                "validation_error",
                "customFields[0].enabled",
                null);
        c.add(
                "custom field null",
                json(valid.replaceFirst("\\[\\{.*}]", "[null]")),
                400,
                "validation_error",
                "customFields[0]",
                null);
        c.add(
                "custom fields as object",
                json(with(valid, "customFields", NODES.objectNode())),
                400,
                "validation_error",
                "customFields",
                null);
        c.add(
                "same slot twice",
                json(valid.replaceFirst("]}$", ",{\"slot\":1,\"label\":\"Again\",\"enabled\":false}]}")),
                400,
                "validation_error",
                "customFields[1].slot",
                null);
        return c.cases;
    }

    private static List<HostileRequest> tokens() {
        Endpoint e = endpoint("token");
        Cases c = new Cases(e);
        String valid = compact(e.validBody());
        c.add("name missing", json(without(valid, "name")), 400, "validation_error", "name", null);
        c.add("name 257 characters", json(with(valid, "name", "n".repeat(257))), 400, "validation_error", "name", null);
        c.add("scopes missing", json(without(valid, "scopes")), 400, "validation_error", "scopes", null);
        c.add("scopes empty", json(with(valid, "scopes", NODES.arrayNode())), 400, "validation_error", "scopes", null);
        c.add("scopes as string", json(with(valid, "scopes", "admin")), 400, "validation_error", "scopes", null);
        c.add(
                "scope unknown",
                json(with(valid, "scopes", NODES.arrayNode().add("root"))),
                400,
                "validation_error",
                "scopes",
                null);
        c.add(
                "scope null",
                json(with(valid, "scopes", NODES.arrayNode().addNull())),
                400,
                "validation_error",
                "scopes",
                null);
        c.add(
                "scope as number",
                json(with(valid, "scopes", NODES.arrayNode().add(1))),
                400,
                "validation_error",
                "scopes[0]",
                null);
        c.add(
                "scope in capitals",
                json(with(valid, "scopes", NODES.arrayNode().add("ADMIN"))),
                400,
                "validation_error",
                "scopes",
                null);
        for (String expiry : List.of(
                "2026-02-30",
                "2020-01-01",
                "2026-03-20",
                "2027-01-01T00:00",
                "tomorrow",
                "+99999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "2027-01-01T00:00:00+18:30")) {
            c.add(
                    "expiry " + expiry,
                    json(with(valid, "expiresAt", expiry)),
                    400,
                    "validation_error",
                    "expiresAt",
                    null);
        }
        return c.cases;
    }

    private static List<HostileRequest> access() {
        List<HostileRequest> all = new ArrayList<>();
        Endpoint app = endpoint("application");
        Cases a = new Cases(app);
        String appValid = compact(app.validBody());
        a.add("name missing", json(without(appValid, "name")), 400, "validation_error", "name", null);
        a.add(
                "description 2,049 characters",
                json(with(appValid, "description", "d".repeat(2049))),
                400,
                "validation_error",
                "description",
                null);
        a.add(
                "permission null",
                json(with(appValid, "permissions", NODES.arrayNode().addNull())),
                400,
                "validation_error",
                "permissions[0]",
                null);
        a.add(
                "permission without name",
                json(with(appValid, "permissions", NODES.arrayNode().add(NODES.objectNode()))),
                400,
                "validation_error",
                "permissions[0].name",
                null);
        a.add(
                "permission name with NUL",
                json(with(appValid, "permissions.0.name", "Tel\u0000ler")),
                400,
                "validation_error",
                "permissions[0].name",
                null);
        a.add(
                "permission listed twice",
                json(with(
                        appValid,
                        "permissions",
                        NODES.arrayNode()
                                .add(NODES.objectNode().put("name", "A"))
                                .add(NODES.objectNode().put("name", "A")))),
                400,
                "validation_error",
                "permissions[1].name",
                null);
        a.add(
                "permissions as string",
                json(with(appValid, "permissions", "Teller")),
                400,
                "validation_error",
                "permissions",
                null);
        all.addAll(a.cases);

        Endpoint model = endpoint("access model");
        Cases m = new Cases(model);
        String modelValid = compact(model.validBody());
        m.add(
                "unknown criterion",
                json(with(
                        modelValid,
                        "criteria",
                        NODES.objectNode().set("salary", NODES.arrayNode().add("high")))),
                400,
                "validation_error",
                "criteria.salary",
                null);
        m.add(
                "criterion without values",
                json(with(modelValid, "criteria.department", NODES.arrayNode())),
                400,
                "validation_error",
                "criteria.department",
                null);
        m.add(
                "criterion value null",
                json(with(modelValid, "criteria.department", NODES.arrayNode().addNull())),
                400,
                "validation_error",
                "criteria.department",
                null);
        m.add(
                "criterion value with NUL",
                json(with(modelValid, "criteria.department", NODES.arrayNode().add("Lend\u0000ing"))),
                400,
                "validation_error",
                "criteria.department[0]",
                null);
        m.add(
                "criterion as string",
                json(with(modelValid, "criteria.department", "Lending")),
                400,
                "validation_error",
                "criteria.department",
                null);
        m.add(
                "criterion identity type Bogus",
                json(with(
                        modelValid,
                        "criteria",
                        NODES.objectNode().set("identityType", NODES.arrayNode().add("Bogus")))),
                400,
                "validation_error",
                "criteria.identityType",
                null);
        m.add(
                "criteria as array",
                json(with(modelValid, "criteria", NODES.arrayNode())),
                400,
                "validation_error",
                "criteria",
                null);
        m.add(
                "no permissions",
                json(with(modelValid, "permissions", NODES.arrayNode())),
                400,
                "validation_error",
                "permissions",
                null);
        m.add(
                "unknown permission",
                json(with(modelValid, "permissions.0.permission", "Root")),
                400,
                "validation_error",
                "permissions[0]",
                null);
        m.add(
                "permission application with NUL",
                json(with(modelValid, "permissions.0.application", "Ledger\u0000")),
                400,
                "validation_error",
                "permissions[0].application",
                null);
        m.add(
                "permission with injection",
                json(with(modelValid, "permissions.0.application", "x' OR '1'='1")),
                400,
                "validation_error",
                "permissions[0]",
                null);
        m.add(
                "permission null",
                json(with(modelValid, "permissions", NODES.arrayNode().addNull())),
                400,
                "validation_error",
                "permissions[0]",
                null);
        m.add("enabled as string", json(with(modelValid, "enabled", "yes")), 400, "validation_error", "enabled", null);
        all.addAll(m.cases);

        Endpoint grants = endpoint("identity access import");
        Cases g = new Cases(grants);
        String grantValid = compact(grants.validBody());
        g.add("grants missing", json("{}"), 400, "validation_error", "grants", null);
        g.add("grants empty", json("{\"grants\":[]}"), 400, "validation_error", "grants", null);
        g.add("grant null", json("{\"grants\":[null]}"), 400, "validation_error", "grants[0]", null);
        g.add(
                "grant identity unknown",
                json(with(grantValid, "grants.0.identityId", UNKNOWN_ID)),
                400,
                "validation_error",
                "grants[0].identityId",
                null);
        g.add(
                "grant identity not a GUID",
                json(with(grantValid, "grants.0.identityId", "x")),
                400,
                "validation_error",
                "grants[0].identityId",
                null);
        g.add(
                "grant external id with NUL",
                json(with(without(grantValid, "grants.0.identityId"), "grants.0.externalId", "ext\u0000")),
                400,
                "validation_error",
                "grants[0].externalId",
                null);
        g.add(
                "grant application with NUL",
                json(with(grantValid, "grants.0.application", "Ledger\u0000")),
                400,
                "validation_error",
                "grants[0].application",
                null);
        g.add(
                "grant permission unknown",
                json(with(grantValid, "grants.0.permission", "Root")),
                400,
                "validation_error",
                "grants[0].permission",
                null);
        g.add(
                "grant account 257 characters",
                json(with(grantValid, "grants.0.account", "a".repeat(257))),
                400,
                "validation_error",
                "grants[0].account",
                null);
        all.addAll(g.cases);
        return all;
    }

    private static List<HostileRequest> csvImport() {
        Cases c = new Cases(endpoint("identity access import"));
        String header = "identityId,externalId,application,permission,account\n";
        Map<String, String> csv = Map.of("Content-Type", "text/csv");
        c.request(
                "CSV unknown column",
                HttpMethod.POST,
                csv,
                text("identityId,salary\n{identity},1\n"),
                400,
                "validation_error",
                "csv");
        c.request("CSV header only", HttpMethod.POST, csv, text(header), 400, "validation_error", "grants");
        c.request("CSV empty", HttpMethod.POST, csv, text(""), 400, "validation_error", null);
        c.request(
                "CSV unclosed quote",
                HttpMethod.POST,
                csv,
                text(header + "\"{identity},,x,y,z\n"),
                400,
                "validation_error",
                null);
        c.request(
                "CSV unknown identity",
                HttpMethod.POST,
                csv,
                text(header + UNKNOWN_ID + ",," + APPLICATION + "," + PERMISSION + ",a\n"),
                400,
                "validation_error",
                "grants[0].identityId");
        c.request(
                "CSV external id with NUL",
                HttpMethod.POST,
                csv,
                text(header + ",ext\u0000," + APPLICATION + "," + PERMISSION + ",a\n"),
                400,
                "validation_error",
                "csv");
        c.request(
                "CSV application with NUL",
                HttpMethod.POST,
                csv,
                text(header + "{identity},,Led\u0000ger," + PERMISSION + ",a\n"),
                400,
                "validation_error",
                "csv");
        c.request(
                "CSV invalid UTF-8",
                HttpMethod.POST,
                csv,
                () -> concat(
                        text(header + ",").get(),
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        text("," + APPLICATION + "," + PERMISSION + ",a\n").get()),
                400,
                "validation_error",
                "grants[0].externalId");
        c.request(
                "CSV formula injection for an unknown person",
                HttpMethod.POST,
                csv,
                text(header + ",=cmd|' /C calc'!A0," + APPLICATION + "," + PERMISSION + ",a\n"),
                400,
                "validation_error",
                "grants[0].externalId");
        c.request(
                "CSV too many columns",
                HttpMethod.POST,
                csv,
                text(header + "{identity},,x,y,z,extra\n"),
                400,
                "validation_error",
                null);
        c.request(
                "CSV with charset bogus",
                HttpMethod.POST,
                Map.of("Content-Type", "text/csv;charset=bogus"),
                text(header),
                415,
                "unsupported_media_type",
                null);
        return c.cases;
    }

    /** Malformed and unknown ids in paths of write endpoints. */
    private static List<HostileRequest> paths() {
        List<HostileRequest> all = new ArrayList<>();
        Map<String, String> jsonType = Map.of("Content-Type", "application/json");
        for (Endpoint e : ENDPOINTS) {
            String placeholder = e.path().contains("{event}")
                    ? "{event}"
                    : e.path().contains("{application}")
                            ? "{application}"
                            : e.path().contains("{model}") ? "{model}" : null;
            if (placeholder == null) {
                continue;
            }
            Cases c = new Cases(e);
            String valid = compact(e.validBody());
            c.request(
                    "malformed id in path",
                    e.method(),
                    e.path().replace(placeholder, "not-a-guid"),
                    jsonType,
                    json(valid),
                    404,
                    "not_found",
                    null);
            c.request(
                    "injection in path",
                    e.method(),
                    e.path().replace(placeholder, "1%27%20OR%20%271%27%3D%271"),
                    jsonType,
                    json(valid),
                    404,
                    "not_found",
                    null);
            c.request(
                    "unknown id in path",
                    e.method(),
                    e.path().replace(placeholder, UNKNOWN_ID),
                    jsonType,
                    json(valid),
                    404,
                    "not_found",
                    null);
            all.addAll(c.cases);
        }
        Cases charset = new Cases(endpoint("onboard"));
        charset.add(
                "Content-Type with unknown charset",
                "application/json;charset=bogus",
                json(compact(endpoint("onboard").validBody())),
                415,
                "unsupported_media_type",
                null,
                null);
        all.addAll(charset.cases);
        return all;
    }

    // --- building blocks ---

    private static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** Collects the cases of one endpoint, named "endpoint: what". */
    private static final class Cases {
        final Endpoint endpoint;
        final List<HostileRequest> cases = new ArrayList<>();

        Cases(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        void invalidJson(String what, String body) {
            add(what, json(body), 400, "validation_error", null, INVALID_JSON);
        }

        void invalidJson(String what, Supplier<byte[]> body) {
            add(what, body, 400, "validation_error", null, INVALID_JSON);
        }

        void add(String what, Supplier<byte[]> body, int status, String error, String field, String message) {
            add(what, body == null ? null : "application/json", body, status, error, field, message);
        }

        void add(
                String what,
                String contentType,
                Supplier<byte[]> body,
                int status,
                String error,
                String field,
                String message) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            cases.add(new HostileRequest(
                    endpoint.name() + ": " + what,
                    endpoint.method(),
                    endpoint.path(),
                    headers,
                    body,
                    status,
                    error,
                    field,
                    message));
        }

        void request(
                String what,
                HttpMethod method,
                Map<String, String> headers,
                Supplier<byte[]> body,
                int status,
                String error,
                String field) {
            request(what, method, endpoint.path(), headers, body, status, error, field);
        }

        void request(
                String what,
                HttpMethod method,
                String path,
                Map<String, String> headers,
                Supplier<byte[]> body,
                int status,
                String error,
                String field) {
            cases.add(new HostileRequest(
                    endpoint.name() + ": " + what, method, path, headers, body, status, error, field, null));
        }
    }

    private static Supplier<byte[]> json(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return () -> bytes;
    }

    private static Supplier<byte[]> text(String body) {
        return json(body);
    }

    private static String compact(String json) {
        return JSON.writeValueAsString(JSON.readTree(json));
    }

    /** "identities.0.email" as the API names it: "identities[0].email". */
    private static String apiField(String path) {
        return path.replaceAll("\\.(\\d+)", "[$1]");
    }

    private static String with(String json, String path, String value) {
        return with(json, path, NODES.stringNode(value));
    }

    private static String with(String json, String path, JsonNode value) {
        JsonNode root = JSON.readTree(json);
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = NODES.objectNode();
                ((ObjectNode) node).set(parts[i], child);
            }
            node = child;
        }
        String last = parts[parts.length - 1];
        if (node instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) node).set(last, value);
        }
        return JSON.writeValueAsString(root);
    }

    private static String without(String json, String path) {
        JsonNode root = JSON.readTree(json);
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        ((ObjectNode) node).remove(parts[parts.length - 1]);
        return JSON.writeValueAsString(root);
    }

    /** Every value, at any depth, replaced by null: the top-level fields then are all null. */
    private static String nullsEverywhere(String json) {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        root.propertyNames().forEach(name -> root.putNull(name));
        return JSON.writeValueAsString(root);
    }

    private static String duplicateFirstKey(String json) {
        JsonNode root = JSON.readTree(json);
        String first = root.propertyNames().iterator().next();
        return json.replaceFirst("\\{", "{\"" + first + "\":" + JSON.writeValueAsString(root.get(first)) + ",");
    }

    /** The body with the string value {@code "@@"} replaced by raw bytes (for invalid UTF-8). */
    private static Supplier<byte[]> replaceMarker(String json, byte[] bytes) {
        String[] halves = json.split("@@", 2);
        byte[] body =
                concat(halves[0].getBytes(StandardCharsets.UTF_8), bytes, halves[1].getBytes(StandardCharsets.UTF_8));
        return () -> body;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
