package org.onegrid.ticket.intake.hotline;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onegrid.testing.WithInfrastructure;
import org.onegrid.ticket.TicketServiceApplication;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.SanyaReferenceData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.SECRET;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.await;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.hotlineCase;

/**
 * Status callbacks survive a restart of the service: the first instance is stopped while a callback is between
 * retries, a second instance on the same database takes over, and the hotline still receives every status once,
 * in order.
 */
@WithInfrastructure
class HotlineRestartIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final CallbackReceiver receiver = new CallbackReceiver(SECRET, 2);
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        receiver.close();
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because builder properties are defaults that application.yml would override.
        String[] args = Stream.of(
                "server.port=0",
                "spring.mongodb.database=hotline-restart-" + run,
                "spring.kafka.consumer.group-id=hotline-restart-" + run,
                "onegrid.intake.hotline.sync-group=hotline-restart-sync-" + run,
                "onegrid.intake.hotline.partners.hotline-12345.secret=" + SECRET,
                "onegrid.intake.hotline.partners.hotline-12345.callback-url=" + receiver.url(),
                "onegrid.intake.hotline.delivery.interval=100ms",
                "onegrid.intake.hotline.delivery.initial-delay=0s",
                // Long enough that the first instance is stopped while a callback waits for its next attempt.
                "onegrid.intake.hotline.delivery.initial-backoff=1s",
                "onegrid.intake.hotline.delivery.max-backoff=2s",
                "onegrid.ticket.deadline-check.initial-delay=1h",
                "onegrid.outbox.poll-interval=100ms",
                "spring.jmx.enabled=false").map(p -> "--" + p).toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(TicketServiceApplication.class).run(args);
        GridStore grids = ctx.getBean(GridStore.class);
        SanyaReferenceData.saveWithGrids(grids);
        return ctx;
    }

    private static HotlineHttp http(ConfigurableApplicationContext ctx) {
        return new HotlineHttp(ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void remainingStatusesAreDeliveredOnceAndInOrderAfterARestart() {
        context = start();
        HotlineHttp http = http(context);
        String caseNo = "SY12345-R-" + run;
        String ticketId = http.postCase(hotlineCase(caseNo, "13912340000", "垃圾桶破损需要更换", "CSGL-HJWS"))
                .body().path("ticketId").asString();
        http.command(ticketId, "accept", Map.of());
        http.command(ticketId, "dispatch", Map.of());
        await("the dispatch status is acknowledged", () -> receiver.acceptedStatuses(caseNo).size() == 1);
        http.command(ticketId, "start", Map.of());
        http.command(ticketId, "resolve", Map.of("summary", "已更换垃圾桶"));
        // Two refusals for the dispatch, then the first for the resolution: it now waits for its next attempt.
        await("the resolution was refused once", () -> receiver.refused(caseNo) >= 3);
        assertThat(receiver.acceptedStatuses(caseNo)).containsExactly("DISPATCHED");
        context.close();

        context = start();
        http = http(context);
        await("the resolution is acknowledged after the restart", () -> receiver.acceptedStatuses(caseNo).size() == 2);
        http.command(ticketId, "reply", Map.of("summary", "已回访市民"));
        MongoDatabase db = context.getBean(MongoDatabase.class);
        await("every callback is sent", () -> db.getCollection(HotlineStore.DELIVERIES)
                .countDocuments(Filters.and(Filters.eq("caseNo", caseNo), Filters.eq("state", "SENT"))) == 3);

        List<CallbackReceiver.Received> received = receiver.accepted(caseNo);
        assertThat(received).extracting(CallbackReceiver.Received::status)
                .containsExactly("DISPATCHED", "RESOLVED", "REPLIED");
        assertThat(received).extracting(CallbackReceiver.Received::deliveryId).doesNotHaveDuplicates();
        assertThat(receiver.refused(caseNo)).isEqualTo(6);
        assertThat(receiver.badSignatures()).isZero();
    }
}
