package org.onegrid.talent.store;

/** An optimistic version check failed: someone else changed the document first (answered as 409). */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
