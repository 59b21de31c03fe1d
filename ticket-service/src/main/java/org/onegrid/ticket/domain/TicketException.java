package org.onegrid.ticket.domain;

/** A command the rules refuse; the api maps each kind to its HTTP status. */
public abstract class TicketException extends RuntimeException {

    protected TicketException(String message) {
        super(message);
    }

    /** The command is not allowed in the ticket's current state (409). */
    public static final class IllegalTransition extends TicketException {
        private final TicketStatus current;
        private final String action;

        public IllegalTransition(String action, TicketStatus current) {
            super("Cannot " + action + " a ticket that is " + current);
            this.current = current;
            this.action = action;
        }

        public TicketStatus current() {
            return current;
        }

        public String action() {
            return action;
        }
    }

    /** The caller's role, district or department does not allow the command (403). */
    public static final class NotAllowed extends TicketException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** The command itself is incomplete or wrong (400), naming the field. */
    public static final class InvalidCommand extends TicketException {
        private final String field;

        public InvalidCommand(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
