package org.onegrid.talent.domain;

/** A command that the current state does not allow (answered as 409 naming the current state). */
public class IllegalTransitionException extends RuntimeException {

    private final String currentState;

    public IllegalTransitionException(String what, String currentState, String target) {
        super("A " + what + " in state " + currentState + " cannot become " + target);
        this.currentState = currentState;
    }

    public IllegalTransitionException(String currentState, String message) {
        super(message);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
