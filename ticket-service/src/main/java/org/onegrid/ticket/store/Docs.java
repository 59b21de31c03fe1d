package org.onegrid.ticket.store;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/** Small conversions between BSON and Java time, shared by the stores. */
final class Docs {

    private Docs() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static int intValue(Document doc, String field) {
        Number n = doc.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    static long longValue(Document doc, String field) {
        Number n = doc.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
