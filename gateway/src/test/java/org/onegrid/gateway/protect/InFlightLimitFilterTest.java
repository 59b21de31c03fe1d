package org.onegrid.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

class InFlightLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InFlightLimitFilter filter = new InFlightLimitFilter(2, meters);
    private final List<Sinks.Empty<Void>> upstream = new ArrayList<>();
    private final List<Disposable> callers = new ArrayList<>();

    /** A request the service has not answered yet: it stays in flight until its sink completes. */
    private MockServerWebExchange send(String routeId, String serviceUri) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/intake/hotline/cases"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id(routeId).uri(serviceUri).predicate(e -> true).build());
        Sinks.Empty<Void> answer = Sinks.empty();
        upstream.add(answer);
        callers.add(filter.filter(exchange, e -> answer.asMono()).subscribe());
        return exchange;
    }

    @Test
    void pastTheBoundARequestIsA503ProblemWithRetryAfterUntilOneInFlightIsAnswered() {
        MockServerWebExchange first = send("intake", "http://127.0.0.1:8081");
        send("tickets", "http://127.0.0.1:8081");
        MockServerWebExchange third = send("intake", "http://127.0.0.1:8081");

        assertThat(first.getResponse().getStatusCode()).isNull();
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(third.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(third.getResponse().getBodyAsString().block()).contains("\"status\":503", "route 'intake'");
        assertThat(meters.counter("onegrid.gateway.shed", "route", "intake").count()).isEqualTo(1);

        upstream.get(0).tryEmitEmpty();
        assertThat(send("intake", "http://127.0.0.1:8081").getResponse().getStatusCode()).isNull();
        assertThat(meters.get("onegrid.gateway.in.flight").tag("service", "127.0.0.1:8081").gauge().value())
                .isEqualTo(2);
    }

    @Test
    void eachServiceHasItsOwnBoundAndAFailedOrCancelledCallFreesItsPlace() {
        send("intake", "http://127.0.0.1:8081");
        send("intake", "http://127.0.0.1:8081");
        assertThat(send("talent", "http://127.0.0.1:8082").getResponse().getStatusCode()).isNull();

        upstream.get(0).tryEmitError(new IllegalStateException("service failed"));
        assertThat(send("intake", "http://127.0.0.1:8081").getResponse().getStatusCode()).isNull();
        assertThat(send("intake", "http://127.0.0.1:8081").getResponse().getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        callers.get(1).dispose(); // the caller went away
        assertThat(send("intake", "http://127.0.0.1:8081").getResponse().getStatusCode()).isNull();
    }
}
