package org.onegrid.ticket.intake.hotline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.onegrid.events.EventCodec;
import org.onegrid.ticket.domain.intake.DeliveryBackoff;
import org.onegrid.ticket.domain.intake.HotlineSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued status callbacks to the hotline, signed like its own requests. Per case only the oldest undelivered
 * callback is tried, so the hotline never sees a later status before an earlier one was acknowledged (a 2xx). A
 * failure waits with exponential backoff; after the configured number of attempts the callback is dead-lettered
 * (and holds its case back) until an admin retries it. All state is in Mongo, so a restart resumes where it was.
 */
@Component
public class HotlineDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(HotlineDeliveryWorker.class);
    private static final int BATCH = 100;
    /**
     * Expired signatures only cost space (a replay is refused by its timestamp anyway), and removing them means a
     * pass over all of them: once a minute, not on every delivery pass.
     */
    private static final Duration SIGNATURE_PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final HotlineStore store;
    private final HotlineSettings settings;
    private final DeliveryBackoff backoff;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private Instant nextSignaturePrune = Instant.MIN;

    public HotlineDeliveryWorker(HotlineStore store, HotlineSettings settings, DeliveryBackoff backoff,
                                 HttpClient hotlineHttpClient, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.backoff = backoff;
        this.http = hotlineHttpClient;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${onegrid.intake.hotline.delivery.interval:1s}",
            initialDelayString = "${onegrid.intake.hotline.delivery.initial-delay:5s}")
    public void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            if (!now.isBefore(nextSignaturePrune)) {
                store.forgetSignaturesBefore(now);
                nextSignaturePrune = now.plus(SIGNATURE_PRUNE_INTERVAL);
            }
            for (Document due : store.due(now, BATCH)) {
                String id = due.getString("_id");
                if (store.hasEarlierUndelivered(due)) {
                    // Order per case: this status waits until the one before it is acknowledged.
                    store.postpone(id, now.plus(backoff.initial()));
                    continue;
                }
                store.claim(id, now, now.plus(settings.delivery().lease())).ifPresent(this::attempt);
            }
        } catch (RuntimeException e) {
            log.warn("Hotline delivery pass failed; the next pass retries: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    private void attempt(Document delivery) {
        String id = delivery.getString("_id");
        int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
        HotlineSettings.Partner partner = settings.partner(delivery.getString("partner"));
        String error;
        if (partner == null || !partner.hasCallback()) {
            error = "no callback URL configured for partner " + delivery.getString("partner");
        } else {
            error = send(delivery.getString("partner"), partner, delivery.get("message", Document.class));
        }
        Instant now = clock.instant();
        if (error == null) {
            store.markSent(id, attempts, now);
            log.info("Hotline status {} of case {} delivered (attempt {})",
                    delivery.get("message", Document.class).getString("status"), delivery.getString("caseNo"),
                    attempts);
            return;
        }
        boolean dead = backoff.exhausted(attempts);
        Instant next = now.plus(backoff.delayAfter(attempts));
        store.markFailed(id, attempts, error, next, dead, now);
        if (dead) {
            log.warn("Hotline status callback {} of case {} dead-lettered after {} attempts: {}", id,
                    delivery.getString("caseNo"), attempts, error);
        } else {
            log.info("Hotline status callback {} of case {} failed (attempt {}), next at {}: {}", id,
                    delivery.getString("caseNo"), attempts, next, error);
        }
    }

    /** Posts the callback; null on a 2xx, else what went wrong. */
    private String send(String partnerId, HotlineSettings.Partner partner, Document message) {
        try {
            byte[] body = EventCodec.mapper().writeValueAsBytes(message);
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(partner.callbackUrl()))
                    .timeout(settings.delivery().timeout())
                    .header("Content-Type", "application/json")
                    .header(HotlineController.PARTNER, partnerId)
                    .header(HotlineController.TIMESTAMP, timestamp)
                    .header(HotlineController.SIGNATURE, HotlineSignature.sign(partner.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
