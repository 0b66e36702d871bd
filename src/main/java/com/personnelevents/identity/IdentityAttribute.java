package com.personnelevents.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every attribute an identity carries, once: its API name (the constant), the column that holds it
 * in each table that keeps identity attributes, and how it is read from {@link IdentityAttributes}.
 * Columns, parameters, responses, access-model criteria and change descriptions all follow this list.
 */
public enum IdentityAttribute {
    firstName("first_name", IdentityAttributes::firstName, false),
    lastName("last_name", IdentityAttributes::lastName, false),
    email("email", IdentityAttributes::email, false),
    company("company", IdentityAttributes::company, true),
    division("division", IdentityAttributes::division, true),
    department("department", IdentityAttributes::department, true),
    title("title", IdentityAttributes::title, true),
    office("office", IdentityAttributes::office, true),
    identityType(
            "identity_type",
            a -> a.identityType() == null ? null : a.identityType().name(),
            true),
    supervisorId(
            "supervisor_id",
            a -> a.supervisorId() == null ? null : a.supervisorId().toString(),
            false),
    customField1("custom_field_1", a -> a.customField(1), true),
    customField2("custom_field_2", a -> a.customField(2), true),
    customField3("custom_field_3", a -> a.customField(3), true),
    customField4("custom_field_4", a -> a.customField(4), true),
    customField5("custom_field_5", a -> a.customField(5), true),
    customField6("custom_field_6", a -> a.customField(6), true),
    customField7("custom_field_7", a -> a.customField(7), true),
    customField8("custom_field_8", a -> a.customField(8), true),
    customField9("custom_field_9", a -> a.customField(9), true);

    /** The custom fields, slot 1 first. */
    public static final List<IdentityAttribute> CUSTOM_FIELDS =
            Arrays.stream(values()).filter(IdentityAttribute::isCustomField).toList();

    /** The attributes an access model may match on, in the order the documents list them. */
    public static final List<IdentityAttribute> MATCHABLE =
            Arrays.stream(values()).filter(a -> a.matchable).toList();

    private final String column;
    private final Function<IdentityAttributes, String> value;
    private final boolean matchable;

    IdentityAttribute(String column, Function<IdentityAttributes, String> value, boolean matchable) {
        this.column = column;
        this.value = value;
        this.matchable = matchable;
    }

    public String column() {
        return column;
    }

    /** The attribute's value as text (a type's name, an id's canonical form); null when unset. */
    public String valueOf(IdentityAttributes attributes) {
        return value.apply(attributes);
    }

    public boolean isCustomField() {
        return name().startsWith("customField");
    }

    public static Optional<IdentityAttribute> matchable(String name) {
        return MATCHABLE.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public static String matchableNames() {
        return MATCHABLE.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Attributes from their text values, as {@link #valueOf} gives them. */
    public static IdentityAttributes attributes(Function<IdentityAttribute, String> text) {
        List<String> custom = new ArrayList<>(CUSTOM_FIELDS.size());
        CUSTOM_FIELDS.forEach(field -> custom.add(text.apply(field)));
        String type = text.apply(identityType);
        String supervisor = text.apply(supervisorId);
        return new IdentityAttributes(
                text.apply(firstName),
                text.apply(lastName),
                text.apply(email),
                type == null ? null : IdentityType.valueOf(type),
                text.apply(title),
                text.apply(company),
                text.apply(division),
                text.apply(department),
                text.apply(office),
                supervisor == null ? null : UUID.fromString(supervisor),
                custom);
    }
}
