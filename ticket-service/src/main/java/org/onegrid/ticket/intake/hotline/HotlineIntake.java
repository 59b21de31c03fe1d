package org.onegrid.ticket.intake.hotline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.onegrid.events.PersonalData;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.HistoryEntry;
import org.onegrid.ticket.domain.Role;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketStatus;
import org.onegrid.ticket.domain.Urgency;
import org.onegrid.ticket.domain.intake.RepeatCaller;
import org.onegrid.ticket.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns hotline cases into tickets, once per case number: a retry gets the same ticket, an update of a known case
 * becomes a note on its ticket, and a repeat call (same caller, same content) while the earlier ticket is open is
 * merged into it. The case-number record's unique key decides races between concurrent deliveries.
 */
@Service
public class HotlineIntake {

    public static final String CHANNEL = "HOTLINE_12345";

    enum Outcome { CREATED, MERGED, UPDATED, RETRY }

    /** {@code ratingToken}: only when this delivery created the ticket, for the hotline to pass to the caller. */
    record Result(Outcome outcome, TicketData ticket, Document caseDoc, String ratingToken) {
        boolean first() {
            return outcome == Outcome.CREATED || outcome == Outcome.MERGED;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(HotlineIntake.class);
    private static final int TITLE_LENGTH = 40;
    private static final Set<TicketStatus> FINISHED = EnumSet.of(TicketStatus.CLOSED, TicketStatus.REJECTED,
            TicketStatus.MERGED);

    private final HotlineStore store;
    private final TicketService tickets;
    private final TicketStore ticketStore;
    private final Clock clock;

    public HotlineIntake(HotlineStore store, TicketService tickets, TicketStore ticketStore, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.ticketStore = ticketStore;
        this.clock = clock;
    }

    Result receive(String partner, HotlineCaseRequest req, byte[] body) {
        Instant now = clock.instant();
        String payloadHash = sha256(body);
        Optional<Document> known = store.findCase(partner, req.caseNo());
        if (known.isPresent()) {
            return again(known.get(), req, payloadHash, now);
        }
        Actor actor = Actor.system("hotline:" + partner);
        String phoneHash = RepeatCaller.phoneHash(req.callerPhone());
        String contentHash = RepeatCaller.contentHash(req.content());
        for (Document earlier : store.casesLike(phoneHash, contentHash)) {
            TicketData open = ticketStore.find(earlier.getString("ticketId")).filter(t -> !FINISHED.contains(t.status))
                    .orElse(null);
            if (open == null) {
                continue;
            }
            Document caseDoc = caseDoc(partner, req, open.id, phoneHash, contentHash, payloadHash, null, now)
                    .append("mergedFromCase", earlier.getString("caseNo"));
            if (!store.insertCase(caseDoc)) {
                return again(store.findCase(partner, req.caseNo()).orElseThrow(), req, payloadHash, now);
            }
            note(open.id, actor, now, "hotline-merge", "12345 case " + req.caseNo()
                    + " (same caller, same content as case " + earlier.getString("caseNo") + ") merged into this ticket");
            log.info("Hotline case {} merged into ticket {} (repeat of case {})", req.caseNo(), open.ticketNo,
                    earlier.getString("caseNo"));
            return new Result(Outcome.MERGED, tickets.get(open.id), caseDoc, null);
        }

        String category = store.mappedCategory(req.categoryCode()).filter(tickets::categoryExists).orElse(null);
        Instant reportedAt = req.receivedAt().isAfter(now) ? now : req.receivedAt();
        var created = tickets.create(new TicketService.Intake(CHANNEL, req.caseNo(), null, title(req.content()),
                req.content(), req.address(), req.lat(), req.lon(), req.callerName(), req.callerPhone(), null,
                req.districtCode(), null, null, category, null, Urgency.of(req.urgency()), req.deadline(), null),
                actor, reportedAt);
        Document caseDoc = caseDoc(partner, req, created.ticket().id, phoneHash, contentHash, payloadHash, category,
                now);
        if (!store.insertCase(caseDoc)) {
            return again(store.findCase(partner, req.caseNo()).orElseThrow(), req, payloadHash, now);
        }
        if (category == null) {
            note(created.ticket().id, actor, now, "hotline-unclassified", "12345 category code " + req.categoryCode()
                    + " has no mapping: classify this ticket when accepting it");
        }
        log.info("Hotline case {} became ticket {}{}", req.caseNo(), created.ticket().ticketNo,
                category == null ? " (category unmapped, waiting for a dispatcher)" : "");
        // A ticket that already existed was made by an attempt that died before storing its case: its token was
        // never handed over, so the hotline gets a new one now.
        String ratingToken = created.created() ? created.ratingToken()
                : tickets.reissueRatingToken(created.ticket().id);
        // The answer names id, number, status and category, which the create already returned.
        return new Result(Outcome.CREATED, created.ticket(), caseDoc, ratingToken);
    }

    /** A case number seen before: the same payload is a retry, a different one adds to the ticket. */
    private Result again(Document caseDoc, HotlineCaseRequest req, String payloadHash, Instant now) {
        String ticketId = caseDoc.getString("ticketId");
        if (!store.recordUpdate(caseDoc.getString("_id"), payloadHash, now)) {
            return new Result(Outcome.RETRY, tickets.get(ticketId), caseDoc, null);
        }
        StringBuilder text = new StringBuilder("12345 case ").append(req.caseNo()).append(" updated at ")
                .append(req.receivedAt()).append(": ").append(req.content());
        if (req.urgency() != null) {
            text.append(" [urgency ").append(req.urgency()).append(']');
        }
        if (req.deadline() != null) {
            text.append(" [hotline deadline ").append(req.deadline()).append(']');
        }
        note(ticketId, Actor.system("hotline:" + caseDoc.getString("partner")), now, "hotline-update",
                PersonalData.scrubText(text.toString()));
        log.info("Hotline case {} updated; note added to ticket {}", req.caseNo(), ticketId);
        return new Result(Outcome.UPDATED, tickets.get(ticketId), caseDoc, null);
    }

    private void note(String ticketId, Actor actor, Instant now, String action, String comment) {
        TicketStatus status = tickets.get(ticketId).status;
        ticketStore.appendNote(ticketId, new HistoryEntry(action, status, status, actor.userId(), Role.SYSTEM, now,
                comment, null));
    }

    private static Document caseDoc(String partner, HotlineCaseRequest req, String ticketId, String phoneHash,
                                    String contentHash, String payloadHash, String category, Instant now) {
        return new Document("_id", HotlineStore.caseKey(partner, req.caseNo()))
                .append("partner", partner)
                .append("caseNo", req.caseNo())
                .append("ticketId", ticketId)
                .append("receivedAt", Date.from(req.receivedAt()))
                .append("hotlineCategoryCode", req.categoryCode())
                .append("categoryCode", category)
                .append("urgency", req.urgency() == null ? "NORMAL" : req.urgency())
                .append("hotlineDeadline", req.deadline() == null ? null : Date.from(req.deadline()))
                .append("phoneHash", phoneHash)
                .append("contentHash", contentHash)
                .append("payloadHashes", java.util.List.of(payloadHash))
                .append("updates", 0)
                .append("deliverySeq", 0L)
                .append("createdAt", Date.from(now));
    }

    private static String title(String content) {
        String c = content.strip();
        return c.codePointCount(0, c.length()) <= TITLE_LENGTH ? c
                : c.substring(0, c.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
