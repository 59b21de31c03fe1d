package org.onegrid.ticket.api;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.Ranges;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.CategoryRule;
import org.onegrid.ticket.domain.GridCell;
import org.onegrid.ticket.domain.Rating;
import org.onegrid.ticket.domain.Role;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketStatus;
import org.onegrid.ticket.store.Page;
import org.onegrid.ticket.store.TicketStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.onegrid.ticket.api.CallerHeaders.DEPARTMENT;
import static org.onegrid.ticket.api.CallerHeaders.DISTRICT;
import static org.onegrid.ticket.api.CallerHeaders.ROLE;
import static org.onegrid.ticket.api.TicketViews.view;

/** The ticket loop over HTTP: create, the commands of the state machine, and the queries. */
@RestController
@RequestMapping("/tickets")
public class TicketController {

    static final int MAX_PAGE_SIZE = 100;

    private final TicketService service;
    private final TicketStore store;
    private final Clock clock;

    public TicketController(TicketService service, TicketStore store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<TicketViews.CreatedView> create(
            @Valid @RequestBody TicketRequests.Create body, Actor actor) {
        String channel = body.channel() != null ? body.channel() : "GRID_APP";
        if ("CENTER".equals(channel)) {
            // Appeals arrive as events from service-center-service, idempotent on the appeal id.
            throw ApiException.badRequest("channel", "CENTER tickets are created from appeal events, not over HTTP");
        }
        var result = service.create(new TicketService.Intake(channel, body.sourceRef(), body.clientRequestId(),
                body.title(), body.description(), body.address(), body.lat(), body.lon(), body.requesterName(),
                body.requesterPhone(), actor.role() == Role.REQUESTER ? actor.userId() : null,
                body.districtCode(), body.communityCode(), body.gridCode(), body.categoryCode(), body.attachments()),
                actor);
        var created = new TicketViews.CreatedView(view(result.ticket(), actor.role()), result.created(),
                result.ratingToken());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(created);
    }

    @GetMapping("/{id}")
    public TicketViews.TicketView get(@PathVariable String id, @RequestHeader(value = ROLE, required = false) String role,
                                      @RequestHeader(value = DISTRICT, required = false) String district) {
        TicketData ticket = service.get(id);
        String own = CallerHeaders.blankToNull(district);
        if (viewer(role) == Role.DISPATCHER && own != null && !own.equals(ticket.districtCode)) {
            // A district's command centre sees its own district's tickets (found by the reliability suite).
            throw ApiException.forbidden("ticket " + ticket.ticketNo + " belongs to another district");
        }
        return view(ticket, viewer(role));
    }

    @PostMapping("/{id}/accept")
    public TicketViews.TicketView accept(@PathVariable String id, @Valid @RequestBody TicketRequests.Accept body,
            Actor actor) {
        CategoryRule category = body.categoryCode() == null ? null : service.category(body.categoryCode(), "categoryCode");
        GridCell grid = body.gridCode() == null ? null : service.grid(body.gridCode(), "gridCode");
        TicketData current = service.get(id);
        boolean duplicate = service.likelyDuplicate(current, grid != null ? grid.code() : current.gridCode,
                category != null ? category.code() : current.categoryCode);
        return view(service.command(id, t -> t.accept(actor, now(), category, grid == null ? null : grid.code(),
                grid == null ? null : grid.communityCode(), duplicate, body.comment())), actor.role());
    }

    @PostMapping("/{id}/reject")
    public TicketViews.TicketView reject(@PathVariable String id, @Valid @RequestBody TicketRequests.Reason body,
            Actor actor) {
        return view(service.command(id, t -> t.reject(actor, now(), body.reason())), actor.role());
    }

    @PostMapping("/{id}/dispatch")
    public TicketViews.TicketView dispatch(@PathVariable String id, @Valid @RequestBody TicketRequests.Dispatch body,
            Actor actor) {
        service.requireDepartment(body.departmentCode(), "departmentCode");
        TicketData current = service.get(id);
        CategoryRule category = service.category(current.categoryCode, "categoryCode");
        return view(service.command(id, t -> t.dispatch(actor, now(), body.departmentCode(), category,
                body.comment())), actor.role());
    }

    @PostMapping("/{id}/return")
    public TicketViews.TicketView returnToCentre(@PathVariable String id, @Valid @RequestBody TicketRequests.Reason body,
            Actor actor) {
        return view(service.command(id, t -> t.returnToCentre(actor, now(), body.reason())), actor.role());
    }

    @PostMapping("/{id}/start")
    public TicketViews.TicketView start(@PathVariable String id, @Valid @RequestBody(required = false) TicketRequests.Comment body,
            Actor actor) {
        return view(service.command(id, t -> t.start(actor, now(), body == null ? null : body.comment())),
                actor.role());
    }

    @PostMapping("/{id}/resolve")
    public TicketViews.TicketView resolve(@PathVariable String id, @Valid @RequestBody TicketRequests.Resolve body,
            Actor actor) {
        return view(service.command(id, t -> t.resolve(actor, now(), body.summary(), body.attachments())),
                actor.role());
    }

    @PostMapping("/{id}/reply")
    public TicketViews.TicketView reply(@PathVariable String id, @Valid @RequestBody TicketRequests.Reply body,
            Actor actor) {
        return view(service.command(id, t -> t.reply(actor, now(), body.summary())), actor.role());
    }

    @PostMapping("/{id}/rate")
    public TicketViews.TicketView rate(@PathVariable String id, @Valid @RequestBody TicketRequests.Rate body,
            Actor actor) {
        TicketData current = service.get(id);
        CategoryRule category = service.category(current.categoryCode, "categoryCode");
        return view(service.command(id, t -> t.rate(actor, now(), body.ratingToken(), Rating.valueOf(body.rating()),
                body.comment(), category)), actor.role());
    }

    @PostMapping("/{id}/merge")
    public TicketViews.TicketView merge(@PathVariable String id, @Valid @RequestBody TicketRequests.Merge body,
            Actor actor) {
        var parent = service.loadForMerge(body.parentTicketId());
        return view(service.command(id, t -> t.mergeInto(actor, now(), parent, body.comment())), actor.role());
    }

    @PostMapping("/{id}/close")
    public TicketViews.TicketView close(@PathVariable String id, @Valid @RequestBody(required = false) TicketRequests.Comment body,
            Actor actor) {
        return view(service.command(id, t -> t.close(actor, now(), body == null ? null : body.comment())),
                actor.role());
    }

    // ---- queries ----

    @GetMapping
    public Page<TicketViews.TicketView> list(
            @RequestParam(required = false) String district, @RequestParam(required = false) String community,
            @RequestParam(required = false) String grid, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String department, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer escalationLevel,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) Instant resolvedFrom, @RequestParam(required = false) Instant resolvedTo,
            @RequestParam(required = false) String q, @RequestParam(required = false) String parent,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "reportedAt,desc") String sort,
            @RequestHeader(value = ROLE, required = false) String role,
            @RequestHeader(value = DISTRICT, required = false) String callerDistrict) {
        String own = CallerHeaders.blankToNull(callerDistrict);
        if (viewer(role) == Role.DISPATCHER && own != null) {
            // Without a district a dispatcher lists their own; another district's is refused (reliability suite).
            if (district != null && !district.equals(own)) {
                throw ApiException.forbidden("a dispatcher of " + own + " lists tickets of " + own + " only");
            }
            district = own;
        }
        requireStorable("createdFrom", createdFrom);
        requireStorable("createdTo", createdTo);
        requireStorable("resolvedFrom", resolvedFrom);
        requireStorable("resolvedTo", resolvedTo);
        Ranges.requireOrdered("createdFrom", createdFrom, "createdTo", createdTo);
        Ranges.requireOrdered("resolvedFrom", resolvedFrom, "resolvedTo", resolvedTo);
        var query = new TicketStore.Query(district, community, grid, statuses(status), category, channel, department,
                overdue, escalationLevel, createdFrom, createdTo, resolvedFrom, resolvedTo, q, parent);
        return search(query, page, size, sort).map(t -> view(t, viewer(role)));
    }

    /** The command centre's work: new, returned and reopened tickets, and resolved ones awaiting the reply. */
    @GetMapping("/queue/dispatcher")
    public Page<TicketViews.TicketView> dispatcherQueue(@RequestHeader(ROLE) String role,
                                                        @RequestHeader(value = DISTRICT, required = false) String district,
                                                        @RequestParam(defaultValue = "0") int page,
                                                        @RequestParam(defaultValue = "20") int size) {
        Actor actor = CallerHeaders.actor(role, null, district, null);
        if (actor.role() != Role.DISPATCHER && actor.role() != Role.ADMIN) {
            throw ApiException.forbidden("the dispatcher queue is for dispatchers");
        }
        if (actor.role() == Role.DISPATCHER && actor.districtCode() == null) {
            throw ApiException.badRequest(DISTRICT, "a dispatcher works for a district");
        }
        var query = new TicketStore.Query(actor.districtCode(), null, null, EnumSet.of(TicketStatus.REPORTED,
                TicketStatus.ACCEPTED, TicketStatus.RETURNED, TicketStatus.REOPENED, TicketStatus.RESOLVED), null,
                null, null, null, null, null, null, null, null, null, null);
        return search(query, page, size, "solution.dueAt,asc").map(t -> view(t, actor.role()));
    }

    /** A department's work: dispatched and in-progress tickets, the most urgent first. */
    @GetMapping("/queue/department")
    public Page<TicketViews.TicketView> departmentQueue(@RequestHeader(ROLE) String role,
                                                        @RequestHeader(value = DEPARTMENT, required = false) String department,
                                                        @RequestParam(defaultValue = "0") int page,
                                                        @RequestParam(defaultValue = "20") int size) {
        Actor actor = CallerHeaders.actor(role, null, null, department);
        if (actor.role() != Role.DEPARTMENT_HANDLER && actor.role() != Role.ADMIN) {
            throw ApiException.forbidden("the department queue is for department handlers");
        }
        if (actor.departmentCode() == null) {
            throw ApiException.badRequest(DEPARTMENT, "is required for the department queue");
        }
        var query = new TicketStore.Query(null, null, null, EnumSet.of(TicketStatus.DISPATCHED,
                TicketStatus.IN_PROGRESS), null, null, actor.departmentCode(), null, null, null, null, null, null,
                null, null);
        return search(query, page, size, "solution.dueAt,asc").map(t -> view(t, actor.role()));
    }

    /** The public board (公示) of a community: what was asked, what was done, how it was rated. */
    @GetMapping("/board")
    public Page<TicketViews.BoardEntry> board(@RequestParam String community,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        var query = new TicketStore.Query(null, community, null, EnumSet.of(TicketStatus.RESOLVED,
                TicketStatus.REPLIED, TicketStatus.CLOSED), null, null, null, null, null, null, null, null, null,
                null, null);
        return search(query, page, size, "updatedAt,desc").map(TicketViews::board);
    }

    private Page<TicketData> search(TicketStore.Query query, int page, int size, String sort) {
        if (page < 0) {
            throw ApiException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        String[] parts = sort.split(",");
        if (!TicketStore.SORTABLE.contains(parts[0])) {
            throw ApiException.badRequest("sort", "sortable fields are " + TicketStore.SORTABLE);
        }
        boolean ascending = parts.length < 2 || parts[1].equalsIgnoreCase("asc");
        if (parts.length > 1 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc")) {
            throw ApiException.badRequest("sort", "direction must be asc or desc");
        }
        return store.search(query, now(), page, size, parts[0], ascending);
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    /** A date a query can carry to the database (far-away instants overflow its millisecond dates: a 500 before). */
    private static void requireStorable(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw ApiException.badRequest(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private static Set<TicketStatus> statuses(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        Set<TicketStatus> set = new LinkedHashSet<>();
        for (String n : names) {
            try {
                set.add(TicketStatus.valueOf(n.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status", "unknown status " + n);
            }
        }
        return set;
    }

    private static Role viewer(String role) {
        // Without a known staff role, a caller sees the masked (requester) view.
        return role == null ? Role.REQUESTER : Role.fromHeader(role).orElse(Role.REQUESTER);
    }

    private Instant now() {
        return clock.instant();
    }
}
