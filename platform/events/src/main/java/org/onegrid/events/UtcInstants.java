package org.onegrid.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants in events as this platform writes them — {@code 2026-11-24T04:00:00.123Z}: UTC, 'Z', the fraction in groups
 * of three digits, exactly {@link DateTimeFormatter#ISO_INSTANT}'s text for years 0000–9999 — written and read by
 * hand. Every other case (other years, offsets, epoch numbers, bad text) goes to Jackson's own instant (de)serializer,
 * so what is written and accepted, and how a bad value is reported, do not change.
 *
 * <p>Why: a ticket event carries up to eight instants, and Jackson formats and parses each through a
 * {@link DateTimeFormatter}; parsing alone was a fifth of analytics' CPU in a replay (JFR, 2026-11-24).
 */
final class UtcInstants {

    private UtcInstants() {
    }

    static SimpleModule module() {
        return new SimpleModule("onegrid-utc-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** ISO_INSTANT's text of the instant, or null for a year outside 0000–9999. */
    static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] c = new char[30];
        int at = put(c, 0, year, 4, '-');
        at = put(c, at, t.getMonthValue(), 2, '-');
        at = put(c, at, t.getDayOfMonth(), 2, 'T');
        at = put(c, at, t.getHour(), 2, ':');
        at = put(c, at, t.getMinute(), 2, ':');
        int nanos = instant.getNano();
        if (nanos == 0) {
            at = put(c, at, t.getSecond(), 2, 'Z');
        } else {
            at = put(c, at, t.getSecond(), 2, '.');
            if (nanos % 1_000_000 == 0) {
                at = put(c, at, nanos / 1_000_000, 3, 'Z');
            } else if (nanos % 1_000 == 0) {
                at = put(c, at, nanos / 1_000, 6, 'Z');
            } else {
                at = put(c, at, nanos, 9, 'Z');
            }
        }
        return new String(c, 0, at);
    }

    /** The instant, or null when the text is not exactly {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a real date. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = s.charAt(19) == '.' && n > 21 ? digits(s, 20, n - 1) : -1;
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int places = n - 21; places < 9; places++) {
                nanos *= 10;
            }
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in s[from, to), or -1 if any character there is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes value as width digits (zero-padded) and then the separator; returns the next position. */
    private static int put(char[] c, int at, int value, int width, char separator) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        c[at + width] = separator;
        return at + width + 1;
    }

    /** Jackson's instant reader with {@link #parse} first. */
    static final class Reader extends InstantDeserializer<Instant> {

        Reader() {
            super(InstantDeserializer.INSTANT, DateTimeFormatter.ISO_INSTANT);
        }

        @Override
        protected Instant _fromString(JsonParser p, DeserializationContext ctxt, String text) {
            Instant instant = parse(text);
            return instant != null ? instant : super._fromString(p, ctxt, text);
        }
    }

    /**
     * Jackson's instant writer with {@link #format} first. Jackson copies a serializer for each property it writes;
     * the copies stay writers of this class, and a property given a format of its own keeps Jackson's.
     */
    static final class Writer extends InstantSerializer {

        Writer() {
        }

        private Writer(Writer base, DateTimeFormatter formatter, Boolean useTimestamp, Boolean useNanoseconds,
                       JsonFormat.Shape shape) {
            super(base, formatter, useTimestamp, useNanoseconds, shape);
        }

        @Override
        protected InstantSerializer withFormat(DateTimeFormatter formatter, Boolean useTimestamp,
                                               JsonFormat.Shape shape) {
            return new Writer(this, formatter, useTimestamp, _useNanoseconds, shape);
        }

        @Override
        protected InstantSerializer withFeatures(Boolean writeZoneId, Boolean useNanoseconds) {
            return new Writer(this, _formatter, _useTimestamp, useNanoseconds, _shape);
        }

        @Override
        protected String formatValue(Instant value, SerializationContext ctxt) {
            String text = _formatter == null ? format(value) : null;
            return text != null ? text : super.formatValue(value, ctxt);
        }
    }
}
