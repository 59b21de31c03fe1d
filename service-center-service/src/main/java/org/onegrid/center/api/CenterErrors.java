package org.onegrid.center.api;

import org.onegrid.center.store.CenterStore;
import org.onegrid.center.store.ConflictException;
import org.onegrid.center.store.NotFoundException;
import org.onegrid.platform.service.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps this service's store exceptions to the platform's problem+json answers (409 naming the state, 404). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CenterErrors {


    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return render(ApiException.conflict(e.getMessage(), e.properties()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return render(ApiException.notFound(e.what(), e.id()));
    }

    @ExceptionHandler(CenterStore.DuplicateCenterException.class)
    ResponseEntity<ProblemDetail> duplicate(CenterStore.DuplicateCenterException e) {
        return render(ApiException.conflict(e.getMessage(), java.util.Map.of("state", "EXISTS")));
    }

    private ResponseEntity<ProblemDetail> render(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        problem.setType(java.net.URI.create("https://onegrid.org/problems/" + e.code()));
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }
}
