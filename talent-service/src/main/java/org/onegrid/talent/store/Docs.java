package org.onegrid.talent.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** Small conversions between BSON and Java values; dates of days are stored as ISO strings (they sort). */
final class Docs {

    private Docs() {
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }

    static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate day(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : LocalDate.parse(v);
    }

    static List<String> strings(Document d, String field) {
        List<String> v = d.getList(field, String.class);
        return v == null ? List.of() : v;
    }

    static List<Document> docs(Document d, String field) {
        List<Document> v = d.getList(field, Document.class);
        return v == null ? List.of() : v;
    }

    static int integer(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    static long version(Document d) {
        Number n = d.get("version", Number.class);
        return n == null ? 0 : n.longValue();
    }
}
