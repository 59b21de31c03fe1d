package org.onegrid.talent.domain;

/** Input that breaks a domain rule (answered as 400 naming the field). */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
