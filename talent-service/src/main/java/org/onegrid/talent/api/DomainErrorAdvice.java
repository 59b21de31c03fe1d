package org.onegrid.talent.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.onegrid.talent.domain.IllegalTransitionException;
import org.onegrid.talent.domain.RuleViolation;
import org.onegrid.talent.store.ConcurrentChangeException;
import org.onegrid.talent.store.DuplicateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the domain's and the store's exceptions to problem+json (before the platform's catch-all 500). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrorAdvice {

    private static final String TYPE_BASE = "https://onegrid.org/problems/";

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        p.setProperty("currentState", e.currentState());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler({ConcurrentChangeException.class, DuplicateException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create(TYPE_BASE + code));
        return p;
    }
}
