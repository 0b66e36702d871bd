package com.personnelevents.access;

import com.personnelevents.identity.IdentityAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The identity attributes an access model can match on; the constant names are the API spelling. */
public enum ModelAttribute {
    company(IdentityAttributes::company),
    division(IdentityAttributes::division),
    department(IdentityAttributes::department),
    title(IdentityAttributes::title),
    office(IdentityAttributes::office),
    identityType(a -> a.identityType() == null ? null : a.identityType().name()),
    customField1(a -> a.customField(1)),
    customField2(a -> a.customField(2)),
    customField3(a -> a.customField(3)),
    customField4(a -> a.customField(4)),
    customField5(a -> a.customField(5)),
    customField6(a -> a.customField(6)),
    customField7(a -> a.customField(7)),
    customField8(a -> a.customField(8)),
    customField9(a -> a.customField(9));

    private final Function<IdentityAttributes, String> value;

    ModelAttribute(Function<IdentityAttributes, String> value) {
        this.value = value;
    }

    /** The identity's value, normalised for matching (trimmed, case-insensitive); null when unset. */
    String normalisedValueOf(IdentityAttributes attributes) {
        String raw = value.apply(attributes);
        return raw == null ? null : normalise(raw);
    }

    static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    static Optional<ModelAttribute> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    static String validValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
