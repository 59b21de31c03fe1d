package org.onegrid.systemtests;

import java.util.List;

import org.bson.conversions.Bson;

/**
 * One way cases reach the platform, driven by {@link LoadDriver}. Grid reports ({@link GridReports}) are the stream
 * today; the 12345 hotline (issue 4) and Open311 become further implementations — send a case with its idempotency
 * key, and say where the ticket keeps that key — and the crash and outage runs take them unchanged.
 */
interface IntakeStream {

    String name();

    /** Sends case {@code n} once, under the idempotency key {@code key} (the same key on every retry). */
    Http.Response send(int n, String key) throws Exception;

    /** How the ticket made from the case with this key is found in ticket-service's {@code tickets} collection. */
    Bson storedAs(String key);

    /** The ticket id in an accepted (2xx) answer. */
    String ticketId(Http.Response accepted);

    /** The districts the cases are spread over. */
    List<String> districts();
}
