package com.personnelevents.access;

import com.personnelevents.identity.IdentityAttribute;
import com.personnelevents.identity.IdentityAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A role definition across applications: the permissions that people whose attributes match the
 * criteria should hold. Every criterion must hold; within one, any of its values will do (exact match,
 * ignoring case and surrounding spaces). A model without criteria matches everyone. Only enabled
 * models count.
 */
record AccessModel(
        UUID id,
        String name,
        String description,
        boolean enabled,
        Map<IdentityAttribute, Set<String>> criteria,
        Set<UUID> permissionIds,
        long version) {

    AccessModel {
        criteria = Map.copyOf(criteria);
        permissionIds = Set.copyOf(permissionIds);
    }

    boolean matches(IdentityAttributes attributes) {
        if (!enabled) {
            return false;
        }
        return criteria.entrySet().stream().allMatch(criterion -> {
            String raw = criterion.getKey().valueOf(attributes);
            String value = raw == null ? null : normalise(raw);
            return value != null
                    && criterion.getValue().stream()
                            .map(AccessModel::normalise)
                            .collect(Collectors.toSet())
                            .contains(value);
        });
    }

    /** Values match trimmed and ignoring case. */
    static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
