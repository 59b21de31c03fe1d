package org.onegrid.center.store;

import java.util.Map;

/** A command that the current state does not allow; the api answers 409 with the state it met. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
