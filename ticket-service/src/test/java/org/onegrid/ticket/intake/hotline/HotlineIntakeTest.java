package org.onegrid.ticket.intake.hotline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.onegrid.testing.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

import static org.onegrid.ticket.intake.hotline.HotlineHttp.SECRET;

/**
 * The hotline channel's integration tests: the service on a random port against the shared broker and database,
 * with the partner's secret and quick status deliveries. Each class names its own database and consumer groups
 * ({@code @TestPropertySource}): their Spring contexts stay cached side by side and must not share partitions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onegrid.intake.hotline.partners.hotline-12345.secret=" + SECRET,
        "onegrid.intake.hotline.delivery.interval=100ms",
        "onegrid.intake.hotline.delivery.initial-delay=0s",
        "onegrid.intake.hotline.delivery.initial-backoff=100ms",
        "onegrid.intake.hotline.delivery.max-backoff=300ms",
        "onegrid.intake.hotline.delivery.max-attempts=4",
        "onegrid.ticket.deadline-check.initial-delay=1h",
        "onegrid.outbox.poll-interval=100ms"})
@interface HotlineIntakeTest {
}
