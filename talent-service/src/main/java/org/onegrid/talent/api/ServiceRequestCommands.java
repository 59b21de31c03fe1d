package org.onegrid.talent.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onegrid.events.PersonalData;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.onegrid.talent.domain.ServiceRequestStatus;
import org.onegrid.talent.domain.ServiceRequestType;
import org.onegrid.talent.events.TalentEventMapper;
import org.onegrid.talent.store.ServiceRequestStore;
import org.onegrid.talent.store.TalentRecord;
import org.onegrid.talent.store.TalentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Service requests a talent raises and their liaison settles before a deadline (专人对接、精准服务). */
@Service
public class ServiceRequestCommands {

    private static final Logger log = LoggerFactory.getLogger(ServiceRequestCommands.class);

    private final ServiceRequestStore requests;
    private final TalentStore talents;
    private final TalentEventMapper events;
    private final OutboxRelay relay;
    private final Clock clock;

    public ServiceRequestCommands(ServiceRequestStore requests, TalentStore talents, TalentEventMapper events,
                                  OutboxRelay relay, Clock clock) {
        this.requests = requests;
        this.talents = talents;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public ServiceRequestStore.ServiceRequest raise(Caller caller, String talentId, String requestId,
                                                    ServiceRequestType type, String description) {
        TalentRecord t = talents.find(talentId).orElseThrow(() -> ApiException.notFound("talent", talentId));
        if (!(caller.isTalent(talentId) || caller.isLiaisonOf(t.liaisonId()) || caller.is("admin"))) {
            throw ApiException.forbidden("a talent raises requests for themselves");
        }
        if (t.liaisonId() == null) {
            throw ApiException.conflict("the talent has no liaison yet", Map.of("currentState", t.status().name()));
        }
        Instant now = clock.instant();
        String id = requestId == null ? UUID.randomUUID().toString() : requestId;
        var r = new ServiceRequestStore.ServiceRequest(id, 0, talentId, t.liaisonId(), type,
                PersonalData.scrubText(description), ServiceRequestStatus.OPEN, now.plus(type.allowed()), false, now,
                List.of(new ServiceRequestStore.Step(ServiceRequestStatus.OPEN.name(), null, caller.user(), now)));
        if (requests.insert(r, List.of(events.serviceRequested(r)))) {
            relay.nudge();
        }
        return get(id);
    }

    public ServiceRequestStore.ServiceRequest get(String id) {
        return requests.find(id).orElseThrow(() -> ApiException.notFound("service request", id));
    }

    public ServiceRequestStore.ServiceRequest move(Caller caller, String id, ServiceRequestStatus to, String note) {
        var r = get(id);
        if (!(caller.isLiaisonOf(r.liaisonId()) || caller.is("admin")
                || (to == ServiceRequestStatus.CANCELLED && caller.isTalent(r.talentId())))) {
            throw ApiException.forbidden("the request's liaison handles it");
        }
        r.status().moveTo(to);
        requests.transition(r, to, new ServiceRequestStore.Step(to.name(), PersonalData.scrubText(note),
                caller.user(), clock.instant()));
        return get(id);
    }

    @Scheduled(fixedDelayString = "${onegrid.talent.overdue-check-interval:60s}")
    public int raiseOverdue() {
        Instant now = clock.instant();
        int marked = requests.markOverdue(now, r -> events.serviceRequestOverdue(r, now));
        if (marked > 0) {
            log.info("{} service requests newly overdue", marked);
            relay.nudge();
        }
        return marked;
    }
}
