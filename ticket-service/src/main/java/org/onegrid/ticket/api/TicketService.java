package org.onegrid.ticket.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.onegrid.events.EventEnvelope;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.CategoryRule;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.GridCell;
import org.onegrid.ticket.domain.GridLocator;
import org.onegrid.ticket.domain.RatingTokens;
import org.onegrid.ticket.domain.Ticket;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketException;
import org.onegrid.ticket.domain.TicketPolicy;
import org.onegrid.ticket.domain.TicketStatus;
import org.onegrid.ticket.domain.Urgency;
import org.onegrid.ticket.domain.intake.LikelyDuplicates;
import org.onegrid.ticket.events.TicketEventMapper;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.NearbyTickets;
import org.onegrid.ticket.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs ticket commands: load, let the aggregate decide, write state and events in one versioned update, nudge the
 * outbox relay. Used by the HTTP controllers, the appeal listener and the deadline checker alike, so every channel
 * goes through the same rules.
 */
@Service
public class TicketService {

    /** Where a new ticket comes from and what is known about it; placement is resolved here. */
    public record Intake(String channel, String sourceRef, String clientRequestId, String title, String description,
                         String address, Double lat, Double lon, String requesterName, String requesterPhone,
                         String requesterRef, String districtCode, String communityCode, String gridCode,
                         String categoryCode, List<String> attachments, Urgency urgency, Instant promisedBy,
                         String requesterEmail) {
        /** Most channels grade nothing and promise nothing beyond the category's deadlines. */
        public Intake(String channel, String sourceRef, String clientRequestId, String title, String description,
                      String address, Double lat, Double lon, String requesterName, String requesterPhone,
                      String requesterRef, String districtCode, String communityCode, String gridCode,
                      String categoryCode, List<String> attachments) {
            this(channel, sourceRef, clientRequestId, title, description, address, lat, lon, requesterName,
                    requesterPhone, requesterRef, districtCode, communityCode, gridCode, categoryCode, attachments,
                    null, null, null);
        }
    }

    /** A create's outcome; the rating token is only present when this call created the ticket. */
    public record CreateResult(TicketData ticket, boolean created, String ratingToken) {
    }

    public static final String DEFAULT_CATEGORY = "other";
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);
    /** The nearest few first: the nearest is usually still open and decides alone. */
    private static final int DUPLICATE_CANDIDATES_FIRST_READ = 2;
    private static final int DUPLICATE_CANDIDATES_PER_READ = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TicketStore tickets;
    private final NearbyTickets nearby;
    private final GridStore grids;
    private final GridLocator locator;
    private final TicketPolicy policy;
    private final TicketEventMapper events;
    private final OutboxRelay relay;
    private final Clock clock;

    public TicketService(TicketStore tickets, NearbyTickets nearby, GridStore grids, GridLocator locator,
                         TicketPolicy policy, TicketEventMapper events, OutboxRelay relay, Clock clock) {
        this.tickets = tickets;
        this.nearby = nearby;
        this.grids = grids;
        this.locator = locator;
        this.policy = policy;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public TicketPolicy policy() {
        return policy;
    }

    public CreateResult create(Intake in, Actor actor) {
        return create(in, actor, clock.instant());
    }

    /** Creates a ticket reported at a given time: for channels that hand over what they received earlier. */
    public CreateResult create(Intake in, Actor actor, Instant now) {
        GeoPoint point = point(in.lat(), in.lon());
        if (in.districtCode() != null && !grids.districtExists(in.districtCode())) {
            // Checked even when a grid or the coordinates decide the district: junk is refused, not ignored.
            throw ApiException.badRequest("districtCode", "no district with code " + in.districtCode());
        }
        String district = in.districtCode();
        String community = in.communityCode();
        String gridCode = in.gridCode();
        if (gridCode != null) {
            String code = gridCode;
            GridCell grid = grids.grid(code).orElseThrow(() -> ApiException.badRequest("gridCode",
                    "no grid with code " + code));
            district = grid.districtCode();
            community = grid.communityCode();
        } else if (point != null) {
            var located = locator.locate(point, grids.allGrids());
            if (located.isPresent()) {
                gridCode = located.get().grid().code();
                district = located.get().grid().districtCode();
                community = located.get().grid().communityCode();
            }
        }
        if (district != null && !grids.districtExists(district)) {
            throw ApiException.badRequest("districtCode", "no district with code " + district);
        }
        String categoryCode = in.categoryCode() == null ? DEFAULT_CATEGORY : in.categoryCode();
        CategoryRule category = grids.category(categoryCode).orElseThrow(() -> ApiException.badRequest(
                "categoryCode", "no category with code " + categoryCode));
        String token = newRatingToken();
        String id = UUID.randomUUID().toString();
        Ticket ticket;
        try {
            String ticketNo = district == null ? null
                    : tickets.nextTicketNo(district, LocalDate.ofInstant(now, policy.calendar().zone()));
            ticket = Ticket.report(id, ticketNo, new Ticket.NewTicket(in.channel(), in.sourceRef(),
                    in.clientRequestId(), in.title(), in.description(), in.address(), point, in.requesterName(),
                    in.requesterPhone(), in.requesterRef(), district, community, gridCode, categoryCode,
                    in.attachments(), in.urgency(), in.promisedBy(), in.requesterEmail()), category, token, actor,
                    now, policy);
        } catch (TicketException e) {
            throw toApi(e);
        }
        ticket.data().likelyDuplicateOf = likelyDuplicateOf(ticket.data());
        TicketStore.Created created = tickets.insert(ticket, events.toEvents(ticket.data(), ticket.changes()));
        relay.nudge(TicketStore.COLLECTION, created.ticket().id);
        if (created.created() && point != null) {
            nearby.add(categoryCode, point, id, now);
        }
        return new CreateResult(created.ticket(), created.created(), created.created() ? token : null);
    }

    /**
     * Issues a fresh rating token (the old one stops working). Only the hash is stored, so a channel that lost the
     * answer carrying the first token can only be given a new one.
     */
    public String reissueRatingToken(String ticketId) {
        String token = newRatingToken();
        return tickets.replaceRatingTokenHash(ticketId, RatingTokens.hash(token)) ? token : null;
    }

    public TicketData get(String id) {
        return tickets.find(id).orElseThrow(() -> ApiException.notFound("ticket", id));
    }

    /** Runs one command on the aggregate and saves it if nobody else changed the ticket in between. */
    public TicketData command(String id, Consumer<Ticket> command) {
        Ticket ticket = new Ticket(get(id), policy);
        long version = ticket.version();
        String categoryBefore = ticket.data().categoryCode;
        try {
            command.accept(ticket);
        } catch (TicketException e) {
            throw toApi(e);
        }
        List<EventEnvelope> out = events.toEvents(ticket.data(), ticket.changes());
        if (!tickets.update(ticket, version, out)) {
            TicketData current = get(id);
            throw ApiException.conflict("Ticket " + current.ticketNo + " was changed by someone else at the same "
                    + "time; it is now " + current.status + ". Reload and retry.",
                    Map.of("currentState", current.status.name(), "version", current.version));
        }
        relay.nudge(TicketStore.COLLECTION, ticket.id());
        TicketData after = ticket.data();
        if (after.location != null && after.categoryCode != null && !after.categoryCode.equals(categoryBefore)) {
            // Reclassified: later reports of its new category must find it.
            nearby.add(after.categoryCode, after.location, after.id, after.reportedAt);
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            closeDuplicates(ticket.id());
        }
        return after;
    }

    public CategoryRule category(String code, String field) {
        return grids.category(code).orElseThrow(() -> ApiException.badRequest(field, "no category with code " + code));
    }

    public GridCell grid(String code, String field) {
        return grids.grid(code).orElseThrow(() -> ApiException.badRequest(field, "no grid with code " + code));
    }

    public boolean categoryExists(String code) {
        return grids.category(code).isPresent();
    }

    public void requireDepartment(String code, String field) {
        if (code != null && !grids.departmentExists(code)) {
            throw ApiException.badRequest(field, "no department with code " + code);
        }
    }

    public boolean likelyDuplicate(TicketData ticket, String gridCode, String categoryCode) {
        return tickets.countSimilarOpen(ticket.id, gridCode, categoryCode, ticket.reportedAt.minus(Duration.ofDays(1)))
                > 0;
    }

    /** The open ticket a new one probably repeats, if any (see {@link LikelyDuplicates}). */
    private String likelyDuplicateOf(TicketData t) {
        if (t.location == null) {
            return null;
        }
        List<String> near = nearby.near(t.categoryCode, t.location, t.reportedAt.minus(LikelyDuplicates.WINDOW),
                LikelyDuplicates.RADIUS_M);
        // Nearest first, a few at a time: most of the nearest are still open, so the first read usually decides,
        // and each candidate read is a whole ticket to decode.
        int read = DUPLICATE_CANDIDATES_FIRST_READ;
        for (int i = 0; i < near.size(); i += read, read = DUPLICATE_CANDIDATES_PER_READ) {
            int end = Math.min(near.size(), i + read);
            var candidates = tickets.findWithoutHistory(near.subList(i, end));
            var found = LikelyDuplicates.of(t.id, t.categoryCode, t.location, t.reportedAt, candidates);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    public Ticket loadForMerge(String parentId) {
        return new Ticket(tickets.find(parentId).orElseThrow(() -> ApiException.badRequest("parentTicketId",
                "no ticket with id " + parentId)), policy);
    }

    /**
     * One pass of the deadline checker. Each ticket is written with a version check, so when several instances
     * run at once only one of them records a given warning or escalation; the others see a conflict and skip.
     *
     * @return how many tickets this pass changed
     */
    public int checkDeadlines(int limit) {
        Instant now = clock.instant();
        int changed = 0;
        for (String id : tickets.dueForDeadlineCheck(now, limit)) {
            TicketData data = tickets.find(id).orElse(null);
            if (data == null) {
                continue;
            }
            Ticket ticket = new Ticket(data, policy);
            long version = ticket.version();
            // Even with nothing to announce, save: the next check time may have moved (e.g. state changed).
            ticket.checkDeadlines(now);
            if (tickets.update(ticket, version, events.toEvents(ticket.data(), ticket.changes()))) {
                changed += ticket.changes().isEmpty() ? 0 : 1;
            } else {
                log.debug("Ticket {} changed concurrently during the deadline check; the next pass sees it", id);
            }
        }
        if (changed > 0) {
            relay.nudge();
        }
        return changed;
    }

    /** Duplicates follow their parent: when it closes, they close too. */
    private void closeDuplicates(String parentId) {
        for (TicketData child : tickets.mergedInto(parentId)) {
            try {
                command(child.id, t -> t.close(Actor.system("merge"), clock.instant(),
                        "closed with parent ticket " + parentId));
            } catch (ApiException e) {
                log.info("Duplicate {} of {} not closed now ({}); it stays MERGED", child.id, parentId,
                        e.getMessage());
            }
        }
    }

    static ApiException toApi(TicketException e) {
        if (e instanceof TicketException.IllegalTransition t) {
            return new ApiException(HttpStatus.CONFLICT, "illegal-transition", "Illegal state transition",
                    e.getMessage(), Map.of("currentState", t.current().name(), "action", t.action()));
        }
        if (e instanceof TicketException.NotAllowed) {
            return ApiException.forbidden(e.getMessage());
        }
        if (e instanceof TicketException.InvalidCommand c) {
            return ApiException.badRequest(c.field(), c.getMessage());
        }
        return ApiException.badRequest("request", e.getMessage());
    }

    private static GeoPoint point(Double lat, Double lon) {
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            throw ApiException.badRequest(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
        }
        try {
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("lat", e.getMessage());
        }
    }

    private static String newRatingToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
