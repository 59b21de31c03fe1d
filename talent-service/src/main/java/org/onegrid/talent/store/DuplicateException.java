package org.onegrid.talent.store;

/** A unique index refused the write (e.g. the same ID number registered twice). */
public class DuplicateException extends RuntimeException {

    public DuplicateException(String message) {
        super(message);
    }
}
