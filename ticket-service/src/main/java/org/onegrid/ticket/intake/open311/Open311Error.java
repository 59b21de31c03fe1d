package org.onegrid.ticket.intake.open311;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An error as GeoReport v2 clients expect it: an array of {code, description}, not problem+json. */
public record Open311Error(int code, String description) {

    static ResponseEntity<List<Open311Error>> response(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(new Open311Error(status.value(), description)));
    }

    /** Thrown by the Open311 controller for a client error with the spec's codes (400, 403, 404). */
    static final class Failure extends RuntimeException {
        private final HttpStatus status;

        Failure(HttpStatus status, String description) {
            super(description);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    static Failure badRequest(String description) {
        return new Failure(HttpStatus.BAD_REQUEST, description);
    }

    static Failure forbidden(String description) {
        return new Failure(HttpStatus.FORBIDDEN, description);
    }

    static Failure notFound(String description) {
        return new Failure(HttpStatus.NOT_FOUND, description);
    }
}
