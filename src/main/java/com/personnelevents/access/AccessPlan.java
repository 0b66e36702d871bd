package com.personnelevents.access;

import com.personnelevents.identity.IdentityAttributes;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which permissions the models grant to a set of attributes, and what changes between two sets. */
final class AccessPlan {

    private AccessPlan() {}

    static List<AccessModel> matching(Collection<AccessModel> models, IdentityAttributes attributes) {
        return models.stream().filter(m -> m.matches(attributes)).toList();
    }

    static Set<UUID> granted(Collection<AccessModel> models, IdentityAttributes attributes) {
        Set<UUID> permissions = new LinkedHashSet<>();
        matching(models, attributes).forEach(m -> permissions.addAll(m.permissionIds()));
        return permissions;
    }

    /** What the new attributes bring that the person does not hold yet. */
    static Set<UUID> toAdd(Set<UUID> grantedAfter, Set<UUID> held) {
        Set<UUID> add = new LinkedHashSet<>(grantedAfter);
        add.removeAll(held);
        return add;
    }

    /**
     * What only the old attributes justified: granted before, not after, and held. Permissions held for
     * other reasons (granted by hand, imported) are not the models' to take away.
     */
    static Set<UUID> toRemove(Set<UUID> grantedBefore, Set<UUID> grantedAfter, Set<UUID> held) {
        Set<UUID> remove = new LinkedHashSet<>(grantedBefore);
        remove.removeAll(grantedAfter);
        remove.retainAll(held);
        return remove;
    }
}
