package org.onegrid.center.events;

import java.time.Clock;

import org.onegrid.center.store.WishStore;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires unclaimed wishes once their batch has ended (each emits wish-expired exactly once). */
@Component
class WishExpiry {

    private static final Logger log = LoggerFactory.getLogger(WishExpiry.class);

    private final WishStore wishes;
    private final OutboxRelay relay;
    private final Clock clock;

    WishExpiry(WishStore wishes, OutboxRelay relay, Clock clock) {
        this.wishes = wishes;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${onegrid.center.wish-expiry-interval:PT5M}", initialDelayString = "PT30S")
    void expire() {
        int expired = wishes.expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} unclaimed wishes", expired);
            relay.nudge();
        }
    }
}
