package org.onegrid.ticket.intake.open311;

import java.util.List;

import org.onegrid.platform.service.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of /open311 in the GeoReport v2 shape. Ordered before the platform's problem+json advice, and limited to
 * the Open311 controller, so every other endpoint keeps problem+json.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorAdvice.class);

    @ExceptionHandler(Open311Error.Failure.class)
    ResponseEntity<List<Open311Error>> failure(Open311Error.Failure e) {
        return Open311Error.response(e.status(), e.getMessage());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<List<Open311Error>> api(ApiException e) {
        return Open311Error.response(e.status(), e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<List<Open311Error>> badRequest(Exception e) {
        return Open311Error.response(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<List<Open311Error>> method(HttpRequestMethodNotSupportedException e) {
        return Open311Error.response(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<Open311Error>> unexpected(Exception e) {
        log.error("Open311 request failed", e);
        return Open311Error.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
}
