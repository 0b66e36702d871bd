package com.personnelevents.auth;

import com.personnelevents.audit.AdminTrail;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which groups give which of the product's roles (the five held through groups). Read at most every few
 * seconds per instance, like the settings ({@code personnel-events.settings-cache}); a change is seen at
 * once by the instance that made it.
 */
@Service
public class RoleMapping {

    static final int GROUP_MAX = 256;

    private final JdbcClient jdbc;
    private final AdminTrail adminTrail;
    private final Duration cacheFor;
    private volatile Cached cached;

    RoleMapping(
            JdbcClient jdbc, AdminTrail adminTrail, @Value("${personnel-events.settings-cache:5s}") Duration cacheFor) {
        this.jdbc = jdbc;
        this.adminTrail = adminTrail;
        this.cacheFor = cacheFor;
    }

    /** The roles these groups give (a group's name matches exactly). */
    public Set<Role> rolesOf(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        mapping().forEach((role, mapped) -> {
            if (groups.stream().anyMatch(mapped::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** Each role held through groups, with its groups: one statement, read again every few seconds. */
    public Map<Role, Set<String>> mapping() {
        Cached cached = this.cached;
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt < cacheFor.toNanos()) {
            return cached.mapping;
        }
        Map<Role, Set<String>> mapping = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            if (role.source() == Role.Source.GROUP) {
                mapping.put(role, new TreeSet<>());
            }
        }
        jdbc.sql("SELECT role, group_name FROM role_group")
                .query((rs, n) -> Map.entry(Role.valueOf(rs.getString("role")), rs.getString("group_name")))
                .list()
                .forEach(e -> mapping.get(e.getKey()).add(e.getValue()));
        mapping.replaceAll((role, groups) -> Set.copyOf(groups));
        this.cached = new Cached(Map.copyOf(mapping), now);
        return mapping;
    }

    /**
     * Replaces the groups of the roles the request names (others keep theirs); the administrative trail
     * records each change.
     */
    @Transactional
    public Map<Role, Set<String>> replace(RolesDocument request, Caller caller) {
        Violations violations = new Violations();
        Map<Role, Set<String>> wanted = new EnumMap<>(Role.class);
        List<RolesDocument.RoleGroups> roles = request == null ? null : request.roles();
        if (roles == null) {
            violations.add("roles", "Roles are required: each with its groups");
        } else {
            for (int i = 0; i < roles.size(); i++) {
                RolesDocument.RoleGroups entry = roles.get(i);
                String at = "roles[" + i + "]";
                if (entry == null) {
                    violations.add(at, "Each role must be an object with role and groups");
                    continue;
                }
                Optional<Role> role = Role.parse(entry.role()).filter(r -> r.source() == Role.Source.GROUP);
                if (role.isEmpty()) {
                    violations.add(at + ".role", "Role must be one of: " + Role.groupRoles());
                } else if (wanted.containsKey(role.get())) {
                    violations.add(at + ".role", "Role " + role.get().apiName() + " appears more than once");
                }
                Set<String> groups = new LinkedHashSet<>();
                if (entry.groups() == null) {
                    violations.add(at + ".groups", "Groups are required (an empty list gives the role to nobody)");
                } else {
                    for (int g = 0; g < entry.groups().size(); g++) {
                        String group = violations.requiredText(
                                at + ".groups[" + g + "]", entry.groups().get(g), GROUP_MAX, "Group");
                        if (group != null) {
                            groups.add(group.trim());
                        }
                    }
                }
                role.ifPresent(r -> wanted.putIfAbsent(r, groups));
            }
        }
        violations.throwIfAny();
        Map<Role, Set<String>> before = fresh();
        List<String> changes = new ArrayList<>();
        wanted.forEach((role, groups) -> {
            if (!before.get(role).equals(new TreeSet<>(groups))) {
                changes.add(role.apiName() + " " + before.get(role) + " → " + new TreeSet<>(groups));
            }
            jdbc.sql("DELETE FROM role_group WHERE role = :role")
                    .param("role", role.name())
                    .update();
            for (String group : groups) {
                jdbc.sql("INSERT INTO role_group (role, group_name) VALUES (:role, :group)")
                        .param("role", role.name())
                        .param("group", group)
                        .update();
            }
        });
        cached = null;
        adminTrail.record(
                caller.actor(), "Roles changed", "Roles", changes.isEmpty() ? "No change" : String.join("; ", changes));
        return fresh();
    }

    /** Forgets the cached mapping, after it was changed other than through this instance. */
    public void forgetCached() {
        cached = null;
    }

    private Map<Role, Set<String>> fresh() {
        cached = null;
        return mapping();
    }

    private record Cached(Map<Role, Set<String>> mapping, long readAt) {}
}
