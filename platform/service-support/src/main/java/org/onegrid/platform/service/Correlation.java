package org.onegrid.platform.service;

import org.slf4j.MDC;

/** The correlation id of the work in hand (an HTTP request or a consumed event), kept in the log MDC. */
public final class Correlation {

    public static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Puts the id in the MDC until the returned scope is closed. */
    public static MDC.MDCCloseable open(String correlationId) {
        return MDC.putCloseable(MDC_KEY, correlationId);
    }
}
