package org.onegrid.events;

import java.util.List;

/** Kafka topic names. One topic per owning service; the key is always the aggregate id, so its events stay in order. */
public final class Topics {

    /** Grid tickets; key = ticket id. Owned by ticket-service. */
    public static final String TICKET = "onegrid.ticket.events";
    /** Talent, stays, liaisons, needs and matches; key = talent id or need id. Owned by talent-service. */
    public static final String TALENT = "onegrid.talent.events";
    /** Centres, activities, micro-wishes, appeals, visits; key = the aggregate id. Owned by service-center-service. */
    public static final String CENTER = "onegrid.center.events";
    /** CloudEvents from partner systems (video, WeChat, government-service app); key = partner source + id. */
    public static final String PARTNER = "onegrid.partner.events";

    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static List<String> all() {
        return List.of(TICKET, TALENT, CENTER, PARTNER);
    }

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }
}
