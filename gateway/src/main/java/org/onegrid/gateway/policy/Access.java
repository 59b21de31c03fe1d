package org.onegrid.gateway.policy;

import java.util.Set;

import org.onegrid.gateway.identity.CallerIdentity;

/** Who may pass a rule: anyone, nobody, or callers holding one of the roles or one of the scopes. */
public sealed interface Access {

    Access PUBLIC = new Public();
    Access NOBODY = new Nobody();

    static Access roles(String... roles) {
        return new Callers(Set.of(roles), Set.of());
    }

    static Access scopes(String... scopes) {
        return new Callers(Set.of(), Set.of(scopes));
    }

    /** A caller that is known but lacks the right role/scope gets 403; an unknown caller on a non-public rule 401. */
    boolean allows(CallerIdentity caller);

    record Public() implements Access {
        @Override
        public boolean allows(CallerIdentity caller) {
            return true;
        }
    }

    record Nobody() implements Access {
        @Override
        public boolean allows(CallerIdentity caller) {
            return false;
        }
    }

    record Callers(Set<String> roles, Set<String> scopes) implements Access {
        @Override
        public boolean allows(CallerIdentity caller) {
            return caller != null && (roles.stream().anyMatch(caller::hasRole) || scopes.stream().anyMatch(caller::hasScope));
        }
    }
}
