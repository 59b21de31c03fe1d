package org.onegrid.analytics.domain;

import java.util.function.Function;

/** What ticket figures can be grouped by. Grid and community are views only, never metric labels (cardinality). */
public enum Dimension {
    DISTRICT(TicketSnapshot::districtCode),
    DEPARTMENT(TicketSnapshot::departmentCode),
    COMMUNITY(TicketSnapshot::communityCode),
    GRID(TicketSnapshot::gridCode),
    CATEGORY(TicketSnapshot::categoryCode),
    CHANNEL(TicketSnapshot::channel);

    private final Function<TicketSnapshot, String> key;

    Dimension(Function<TicketSnapshot, String> key) {
        this.key = key;
    }

    public String keyOf(TicketRecord record) {
        String value = record.latest() == null ? null : key.apply(record.latest());
        return value == null ? "UNKNOWN" : value;
    }
}
