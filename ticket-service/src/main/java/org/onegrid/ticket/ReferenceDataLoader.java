package org.onegrid.ticket;

import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.SanyaReferenceData;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes sure districts, communities, departments and categories exist: without them no ticket can be placed or
 * given a deadline. Seeds only an empty register, so rules edited in the database (e.g. a district's own
 * deadline) are not overwritten on the next start.
 */
@Component
@ConditionalOnProperty(name = "onegrid.ticket.reference-data.seed", havingValue = "true", matchIfMissing = true)
public class ReferenceDataLoader implements InitializingBean {

    private final GridStore store;

    public ReferenceDataLoader(GridStore store) {
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        if (store.counts().values().stream().allMatch(n -> n == 0)) {
            SanyaReferenceData.saveReference(store);
        }
    }
}
