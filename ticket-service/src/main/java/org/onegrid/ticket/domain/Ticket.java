package org.onegrid.ticket.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.onegrid.ticket.domain.TicketStatus.ACCEPTED;
import static org.onegrid.ticket.domain.TicketStatus.CLOSED;
import static org.onegrid.ticket.domain.TicketStatus.DISPATCHED;
import static org.onegrid.ticket.domain.TicketStatus.IN_PROGRESS;
import static org.onegrid.ticket.domain.TicketStatus.MERGED;
import static org.onegrid.ticket.domain.TicketStatus.REJECTED;
import static org.onegrid.ticket.domain.TicketStatus.REOPENED;
import static org.onegrid.ticket.domain.TicketStatus.REPLIED;
import static org.onegrid.ticket.domain.TicketStatus.REPORTED;
import static org.onegrid.ticket.domain.TicketStatus.RESOLVED;
import static org.onegrid.ticket.domain.TicketStatus.RETURNED;

/**
 * The ticket aggregate: the state machine of the closed loop, who may drive each transition, the two working-time
 * deadlines and the history. Each command checks role, then state, changes the data, appends to the history and
 * records a {@link TicketChange} for the outbox. Time is passed in; nothing here reads a clock.
 */
public final class Ticket {

    /** What a channel knows when it reports a problem. */
    public record NewTicket(String channel, String sourceRef, String clientRequestId, String title,
                            String description, String address, GeoPoint location, String requesterName,
                            String requesterPhone, String requesterRef, String districtCode, String communityCode,
                            String gridCode, String categoryCode, List<String> attachments, Urgency urgency,
                            Instant promisedBy, String requesterEmail) {
        public NewTicket {
            urgency = urgency == null ? Urgency.NORMAL : urgency;
        }
    }

    private static final Set<Role> DISPATCHING = EnumSet.of(Role.DISPATCHER, Role.ADMIN);
    private static final Set<Role> HANDLING = EnumSet.of(Role.DEPARTMENT_HANDLER, Role.ADMIN);

    private final TicketData d;
    private final TicketPolicy policy;
    private final List<TicketChange> changes = new ArrayList<>();

    public Ticket(TicketData data, TicketPolicy policy) {
        this.d = Objects.requireNonNull(data);
        this.policy = Objects.requireNonNull(policy);
    }

    /** A newly reported ticket; the rating token's hash is kept so that only its holder can rate. */
    public static Ticket report(String id, String ticketNo, NewTicket cmd, CategoryRule rule, String ratingToken,
                                Actor actor, Instant now, TicketPolicy policy) {
        if (cmd.districtCode() == null || cmd.districtCode().isBlank()) {
            throw new TicketException.InvalidCommand("districtCode",
                    "the district is unknown: give a grid code, coordinates inside a grid, or a district code");
        }
        TicketData d = new TicketData();
        d.id = id;
        d.ticketNo = ticketNo;
        d.channel = cmd.channel();
        d.sourceRef = cmd.sourceRef();
        d.clientRequestId = cmd.clientRequestId();
        d.title = cmd.title();
        d.description = cmd.description();
        d.address = cmd.address();
        d.location = cmd.location();
        d.requesterName = cmd.requesterName();
        d.requesterPhone = cmd.requesterPhone();
        d.requesterRef = cmd.requesterRef();
        d.requesterEmail = cmd.requesterEmail();
        d.urgency = cmd.urgency();
        d.promisedBy = cmd.promisedBy();
        d.ratingTokenHash = ratingToken == null ? null : RatingTokens.hash(ratingToken);
        d.districtCode = cmd.districtCode();
        d.communityCode = cmd.communityCode();
        d.gridCode = cmd.gridCode();
        d.categoryCode = rule.code();
        d.status = REPORTED;
        d.reportedAt = now;
        d.updatedAt = now;
        Ticket ticket = new Ticket(d, policy);
        ticket.computeDeadlines(rule.forDistrict(d.districtCode), now, true);
        ticket.record("report", null, actor, now, null, cmd.attachments(), new TicketChange.Reported());
        return ticket;
    }

    public TicketData data() {
        return d;
    }

    public String id() {
        return d.id;
    }

    public TicketStatus status() {
        return d.status;
    }

    public long version() {
        return d.version;
    }

    /** Changes made by the commands run on this instance, in order. */
    public List<TicketChange> changes() {
        return List.copyOf(changes);
    }

    // ---- commands ----

    /** Verified and classified (信息管理); a new category recomputes the deadlines from the report time. */
    public void accept(Actor actor, Instant now, CategoryRule newCategory, String gridCode, String communityCode,
                       boolean likelyDuplicate, String comment) {
        requireRole(actor, "accept", EnumSet.of(Role.DISPATCHER, Role.GRID_WORKER, Role.ADMIN));
        requireState("accept", REPORTED);
        TicketStatus from = d.status;
        if (newCategory != null && !newCategory.code().equals(d.categoryCode)) {
            d.categoryCode = newCategory.code();
            computeDeadlines(newCategory.forDistrict(d.districtCode), d.reportedAt, false);
        }
        if (gridCode != null) {
            d.gridCode = gridCode;
        }
        if (communityCode != null) {
            d.communityCode = communityCode;
        }
        d.status = ACCEPTED;
        d.acceptedAt = now;
        respondedAt(now);
        record("accept", from, actor, now, comment, null, new TicketChange.Accepted(likelyDuplicate));
    }

    public void reject(Actor actor, Instant now, String reason) {
        requireRole(actor, "reject", DISPATCHING);
        requireState("reject", REPORTED, ACCEPTED, RETURNED);
        requireText("reason", reason);
        TicketStatus from = d.status;
        d.status = REJECTED;
        d.lastReason = reason;
        d.closedAt = now;
        respondedAt(now);
        record("reject", from, actor, now, reason, null, new TicketChange.Rejected(reason));
    }

    /** To a department (派单); without a department, the category's default department for the district. */
    public void dispatch(Actor actor, Instant now, String departmentCode, CategoryRule category, String comment) {
        requireRole(actor, "dispatch", DISPATCHING);
        requireState("dispatch", ACCEPTED, RETURNED, REOPENED);
        String department = departmentCode != null ? departmentCode
                : category == null ? null : category.forDistrict(d.districtCode).departmentCode();
        if (department == null) {
            throw new TicketException.InvalidCommand("departmentCode", "no department given and none by default");
        }
        TicketStatus from = d.status;
        d.status = DISPATCHED;
        d.departmentCode = department;
        d.dispatchCount++;
        d.dispatchedAt = now;
        respondedAt(now);
        record("dispatch", from, actor, now, comment, null,
                new TicketChange.Dispatched(department, d.dispatchCount));
    }

    /** 退单: the department says the ticket is not theirs; back to the command centre to re-dispatch. */
    public void returnToCentre(Actor actor, Instant now, String reason) {
        requireRole(actor, "return", HANDLING);
        requireState("return", DISPATCHED, IN_PROGRESS);
        requireText("reason", reason);
        TicketStatus from = d.status;
        String department = d.departmentCode;
        d.status = RETURNED;
        d.lastReason = reason;
        record("return", from, actor, now, reason, null, new TicketChange.Returned(department, reason));
    }

    public void start(Actor actor, Instant now, String comment) {
        requireRole(actor, "start", HANDLING);
        requireState("start", DISPATCHED);
        TicketStatus from = d.status;
        d.status = IN_PROGRESS;
        record("start", from, actor, now, comment, null, new TicketChange.Started());
    }

    /**
     * 办结. A department handler resolves a ticket in progress; a grid worker settles an accepted (or reopened)
     * ticket on the spot (当场解决).
     */
    public void resolve(Actor actor, Instant now, String summary, List<String> attachments) {
        requireRole(actor, "resolve", EnumSet.of(Role.DEPARTMENT_HANDLER, Role.GRID_WORKER, Role.ADMIN));
        requireText("summary", summary);
        boolean onTheSpot;
        if (actor.role() == Role.GRID_WORKER) {
            requireState("resolve", ACCEPTED, REOPENED);
            onTheSpot = true;
        } else if (actor.role() == Role.DEPARTMENT_HANDLER) {
            requireState("resolve", IN_PROGRESS);
            onTheSpot = false;
        } else {
            requireState("resolve", ACCEPTED, REOPENED, DISPATCHED, IN_PROGRESS);
            onTheSpot = d.status == ACCEPTED || d.status == REOPENED;
        }
        TicketStatus from = d.status;
        d.status = RESOLVED;
        d.resolvedAt = now;
        d.resolutionSummary = summary;
        respondedAt(now);
        boolean onTime = d.solution == null || !now.isAfter(d.solution.dueAt());
        d.resolvedOnTime = onTime;
        Instant handlingStart = d.acceptedAt != null ? d.acceptedAt : d.reportedAt;
        double hours = Math.round(policy.calendar().workingMinutesBetween(handlingStart, now) / 6.0) / 10.0;
        record("resolve", from, actor, now, summary, attachments,
                new TicketChange.Resolved(onTheSpot, onTime, hours, summary));
    }

    /** 办理回复: the requester is told what was done. */
    public void reply(Actor actor, Instant now, String summary) {
        requireRole(actor, "reply", EnumSet.of(Role.DISPATCHER, Role.GRID_WORKER, Role.ADMIN));
        requireState("reply", RESOLVED);
        requireText("summary", summary);
        TicketStatus from = d.status;
        d.status = REPLIED;
        d.repliedAt = now;
        d.replySummary = summary;
        d.ratingDueAt = policy.calendar().plusWorkingMinutes(now, policy.ratingWindow().minutes(policy.calendar()));
        record("reply", from, actor, now, summary, null, new TicketChange.Replied(summary));
    }

    /**
     * 好差评 by the holder of the rating token. Satisfied closes; unsatisfied reopens, up to the policy's number of
     * reopenings, after which the ticket is escalated to the next level instead.
     */
    public void rate(Actor actor, Instant now, String ratingToken, Rating rating, String comment,
                     CategoryRule category) {
        requireRole(actor, "rate", EnumSet.of(Role.REQUESTER));
        if (!RatingTokens.matches(d.ratingTokenHash, ratingToken)) {
            throw new TicketException.NotAllowed("only the requester holding this ticket's rating token may rate it");
        }
        requireState("rate", REPLIED);
        if (rating == null) {
            throw new TicketException.InvalidCommand("rating", "must be SATISFIED, BASICALLY_SATISFIED or UNSATISFIED");
        }
        TicketStatus from = d.status;
        d.rating = rating;
        d.ratingComment = comment;
        d.ratingDueAt = null;
        record("rate", from, actor, now, comment, null, new TicketChange.Rated(rating));
        if (rating != Rating.UNSATISFIED) {
            d.status = CLOSED;
            d.closedAt = now;
            record("close", REPLIED, actor, now, null, null, new TicketChange.Closed(true));
        } else if (d.reopenCount < policy.maxReopenings()) {
            d.status = REOPENED;
            d.reopenCount++;
            d.resolvedAt = null;
            d.resolvedOnTime = null;
            // The reopened work gets a fresh solution deadline of the category's length, counted from now.
            d.solution = Deadline.compute(Deadline.Kind.SOLUTION, now,
                    category.forDistrict(d.districtCode).solution(), urgency(), policy.calendar(),
                    policy.warnFraction());
            record("reopen", REPLIED, actor, now, comment, null, new TicketChange.Reopened(d.reopenCount));
        } else {
            int level = raiseEscalation();
            record("escalate", REPLIED, actor, now, "unsatisfied after " + d.reopenCount + " reopenings", null,
                    new TicketChange.Escalated("REOPEN_LIMIT", d.solution == null ? null : d.solution.dueAt(), level));
        }
    }

    /** A duplicate follows its parent from now on. */
    public void mergeInto(Actor actor, Instant now, Ticket parent, String comment) {
        requireRole(actor, "merge", DISPATCHING);
        requireState("merge", REPORTED, ACCEPTED, RETURNED);
        if (parent.id().equals(d.id)) {
            throw new TicketException.InvalidCommand("parentTicketId", "a ticket cannot be merged into itself");
        }
        if (EnumSet.of(MERGED, REJECTED).contains(parent.status())) {
            throw new TicketException.InvalidCommand("parentTicketId",
                    "the parent ticket is " + parent.status() + " and cannot take duplicates");
        }
        TicketStatus from = d.status;
        d.status = MERGED;
        d.parentTicketId = parent.id();
        respondedAt(now);
        record("merge", from, actor, now, comment, null, new TicketChange.Merged(parent.id()));
    }

    /**
     * Closing without a rating by the command centre (e.g. after a city-level escalation is settled), and a merged
     * duplicate whose parent closed. The rating window's end closes replied tickets by itself (checkDeadlines).
     */
    public void close(Actor actor, Instant now, String comment) {
        requireRole(actor, "close", EnumSet.of(Role.DISPATCHER, Role.ADMIN, Role.SYSTEM));
        requireState("close", REPLIED, MERGED);
        TicketStatus from = d.status;
        d.status = CLOSED;
        d.closedAt = now;
        d.ratingDueAt = null;
        record("close", from, actor, now, comment, null, new TicketChange.Closed(false));
    }

    /**
     * Sends the 80 % warning and the overdue escalation of each running deadline, each at most once. A run that
     * comes late (after a missed one) still finds them, because it compares with the stored instants.
     */
    public boolean checkDeadlines(Instant now) {
        int before = changes.size();
        Actor system = Actor.system("deadline-checker");
        if (d.status == REPORTED && d.firstResponse != null) {
            d.firstResponse = check(d.firstResponse, now, system);
        }
        if (d.status.awaitsSolution() && d.solution != null) {
            d.solution = check(d.solution, now, system);
        }
        if (d.status == REPLIED && d.ratingDueAt != null && !now.isBefore(d.ratingDueAt)) {
            d.status = CLOSED;
            d.closedAt = now;
            d.ratingDueAt = null;
            record("close", REPLIED, system, now, "rating window passed without a rating", null,
                    new TicketChange.Closed(false));
        }
        return changes.size() > before;
    }

    /**
     * When the deadline checker next has something to do for this ticket (a warning or an escalation), or null.
     * Stored alongside the ticket so that the checker finds its work with one indexed range query.
     */
    public Instant nextDeadlineCheck() {
        return DeadlineSchedule.next(d);
    }

    // ---- rules ----

    private Deadline check(Deadline deadline, Instant now, Actor system) {
        if (!deadline.escalated() && deadline.isOverdue(now)) {
            int level = raiseEscalation();
            record("escalate", d.status, system, now, deadline.kind() + " deadline passed", null,
                    new TicketChange.Escalated(deadline.kind().name(), deadline.dueAt(), level));
            return deadline.markEscalated();
        }
        if (!deadline.warned() && !now.isBefore(deadline.warnAt())) {
            record("warn", d.status, system, now, deadline.kind() + " deadline at 80 %", null,
                    new TicketChange.Warned(deadline.kind().name(), deadline.dueAt()));
            return deadline.markWarned();
        }
        return deadline;
    }

    private int raiseEscalation() {
        d.escalationLevel = Math.min(policy.maxEscalationLevel(), d.escalationLevel + 1);
        return d.escalationLevel;
    }

    private void computeDeadlines(CategoryRule rule, Instant start, boolean includeFirstResponse) {
        if (includeFirstResponse) {
            d.firstResponse = Deadline.compute(Deadline.Kind.FIRST_RESPONSE, start, rule.firstResponse(), urgency(),
                    policy.calendar(), policy.warnFraction());
        }
        d.solution = Deadline.compute(Deadline.Kind.SOLUTION, start, rule.solution(), urgency(), policy.calendar(),
                policy.warnFraction()).atLatest(d.promisedBy, policy.warnFraction());
    }

    private Urgency urgency() {
        return d.urgency == null ? Urgency.NORMAL : d.urgency;
    }

    private void respondedAt(Instant now) {
        if (d.firstResponseAt == null) {
            d.firstResponseAt = now;
        }
    }

    private void requireRole(Actor actor, String action, Set<Role> allowed) {
        TicketAccess.require(actor, action, allowed, d);
    }

    private void requireState(String action, TicketStatus... allowed) {
        for (TicketStatus s : allowed) {
            if (d.status == s) {
                return;
            }
        }
        throw new TicketException.IllegalTransition(action, d.status);
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new TicketException.InvalidCommand(field, "must not be blank");
        }
    }

    private void record(String action, TicketStatus from, Actor actor, Instant now, String comment,
                        List<String> attachments, TicketChange change) {
        d.updatedAt = now;
        d.history.add(new HistoryEntry(action, from, d.status, actor.userId(), actor.role(), now, comment, attachments));
        changes.add(change);
    }
}
