package org.onegrid.systemtests;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One way cases reach the platform, driven by {@link LoadDriver}: grid reports ({@link GridReports}), 12345 hotline
 * cases ({@link HotlineCases}) and Open311 service requests ({@link Open311Requests}). Each sends case <i>n</i> under a
 * key and says how the ticket made from it is found again, so that the checks ("every 2xx is exactly one ticket,
 * none doubled") hold for every stream alike.
 */
interface IntakeStream {

    /** A short tag, part of every key of this stream (so keys of different streams never collide). */
    String tag();

    String name();

    /** Sends case {@code n} once, under the key {@code key} (the same key on every retry). */
    Http.Response send(int n, String key) throws Exception;

    /** All tickets the suite made through this stream, in ticket-service's {@code tickets} collection. */
    Bson stored();

    /** The key of the case a stored ticket was made from (null when the ticket is not one of this stream's). */
    String keyOf(Document ticket);

    /** The ticket id in an accepted (2xx) answer. */
    String ticketId(Http.Response accepted);

    /**
     * Whether the endpoint is idempotent on the key. When it is not (Open311: the specification has no request id),
     * a client may only retry answers that prove the request was not processed (429, 503 = not forwarded, connection
     * refused); after an ambiguous failure (502, 504, a reset) a retry could make a second ticket.
     */
    default boolean idempotent() {
        return true;
    }
}
