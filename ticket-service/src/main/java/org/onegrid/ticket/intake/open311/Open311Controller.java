package org.onegrid.ticket.intake.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onegrid.events.PersonalData;
import org.onegrid.platform.service.CallerIdentity;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.CategoryRule;
import org.onegrid.ticket.domain.Department;
import org.onegrid.ticket.domain.HistoryEntry;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketStatus;
import org.onegrid.ticket.domain.intake.Open311Status;
import org.onegrid.ticket.domain.intake.ServiceAttribute;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.TicketStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON) over the ticket loop, so that off-the-shelf 311 apps can report and follow problems.
 * Reads are public (the gateway lets them through); a report needs a client allowed to write (scope open311:write
 * at the gateway, which passes the partner's identity on). Extensions: page/page_size and FixMyStreet's
 * servicerequestupdates.json.
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
public class Open311Controller {

    static final String CHANNEL = "OPEN311";
    static final String WRITE_SCOPE = "open311:write";
    static final int MAX_RESULTS = 1000;
    static final Duration MAX_RANGE = Duration.ofDays(90);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int TITLE_LENGTH = 40;

    private final TicketService service;
    private final TicketStore tickets;
    private final GridStore grids;
    private final Clock clock;
    private final boolean gatewayTrust;

    public Open311Controller(TicketService service, TicketStore tickets, GridStore grids, Clock clock,
                             @Value("${onegrid.gateway-trust.enabled:false}") boolean gatewayTrust) {
        this.service = service;
        this.tickets = tickets;
        this.grids = grids;
        this.clock = clock;
        this.gatewayTrust = gatewayTrust;
    }

    @GetMapping("/services.json")
    public List<Open311Views.Service> services() {
        Map<String, String> departments = departmentNames();
        return grids.categories().stream().sorted(Comparator.comparing(CategoryRule::code)).map(c ->
                new Open311Views.Service(c.code(), c.nameZh() + " " + c.nameEn(), c.nameEn() + " (" + c.nameZh()
                        + "); solution within " + c.solution() + " working time",
                        !ServiceAttribute.of(c.code()).isEmpty(), "realtime",
                        String.join(",", c.code(), c.nameZh(), c.nameEn().toLowerCase()),
                        departments.getOrDefault(c.departmentCode(), c.departmentCode()))).toList();
    }

    @GetMapping("/services/{serviceCode}.json")
    public Open311Views.ServiceDefinition service(@PathVariable String serviceCode) {
        category(serviceCode, true);
        return new Open311Views.ServiceDefinition(serviceCode, ServiceAttribute.of(serviceCode).stream()
                .map(a -> new Open311Views.Attribute(true, a.code(), a.datatype(), a.required(),
                        a.datatype().equals("singlevaluelist") ? "one of the value keys" : null, a.order(),
                        a.description(), a.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(v -> new Open311Views.AttributeValue(v.getKey(), v.getValue())).toList())).toList());
    }

    @Operation(summary = "Open311 GeoReport v2: create a service request", description = """
            Form-encoded, as the specification says: api_key, service_code, lat and long (or address_string),
            attribute[code] where the service's definition requires it, and optional description (at most 4000),
            media_url, email, phone, first_name, last_name. Answers [{service_request_id, service_notice,
            account_id}]; errors are the specification's [{code, description}].""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, examples = @ExampleObject(
                    name = "noise at night", value = "api_key=dev-open311-key&service_code=noise&lat=18.2530"
                            + "&long=109.5120&attribute%5Btime_of_day%5D=night&description=%E5%A4%9C%E9%97%B4"
                            + "%E6%96%BD%E5%B7%A5%E5%99%AA%E9%9F%B3"))))
    @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public List<Open311Views.Created> create(@RequestParam Map<String, String> form) {
        String client = client(form.get("api_key"));
        Open311Submission in = Open311Submission.parse(form);
        String code = in.serviceCode();
        CategoryRule category = category(code, false);
        String problem = ServiceAttribute.problem(code, in.answers());
        if (problem != null) {
            throw Open311Error.badRequest(problem);
        }
        String[] place = in.lat() == null ? placeOf(in.address()) : new String[] {null, null};
        StringBuilder text = new StringBuilder(in.description() == null ? "" : in.description());
        ServiceAttribute.of(code).forEach(a -> {
            String v = in.answers().get(a.code());
            if (v != null && !v.isBlank()) {
                text.append(text.isEmpty() ? "" : "\n").append(a.code()).append(": ").append(v.strip());
            }
        });
        var result = service.create(new TicketService.Intake(CHANNEL, null, null, title(category, in.description()),
                text.toString(), in.address(), in.lat(), in.lon(), in.name(), in.phone(), "open311:" + client,
                place[0], place[1], null, code, in.mediaUrl() == null ? null : List.of(in.mediaUrl()), null, null,
                in.email()), Actor.system("open311:" + client));
        TicketData t = result.ticket();
        return List.of(new Open311Views.Created(t.id, notice(t), null));
    }

    @GetMapping("/requests.json")
    public List<Open311Views.Request> requests(@RequestParam(name = "service_request_id", required = false) String ids,
                                               @RequestParam(name = "service_code", required = false) String code,
                                               @RequestParam(name = "start_date", required = false) String start,
                                               @RequestParam(name = "end_date", required = false) String end,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(name = "page_size", required = false) Integer pageSize) {
        Map<String, String> departments = departmentNames();
        if (ids != null && !ids.isBlank()) {
            List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .distinct().limit(MAX_RESULTS).toList();
            Map<String, TicketData> found = new LinkedHashMap<>();
            tickets.findAll(wanted).forEach(t -> found.put(t.id, t));
            return wanted.stream().map(found::get).filter(t -> t != null)
                    .map(t -> request(t, departments)).toList();
        }
        Instant[] range = range(start, end);
        Set<TicketStatus> statuses = statuses(status);
        if (code != null && !code.isBlank()) {
            category(code.strip(), false);
        }
        int size = pageSize == null ? MAX_RESULTS : pageSize;
        int number = page == null ? 1 : page;
        if (size < 1 || size > MAX_RESULTS) {
            throw Open311Error.badRequest("page_size must be between 1 and " + MAX_RESULTS);
        }
        if (number < 1) {
            throw Open311Error.badRequest("page starts at 1");
        }
        var query = new TicketStore.Query(null, null, null, statuses, Open311Submission.blankToNull(code), null, null,
                null, null, range[0], range[1], null, null, null, null);
        return tickets.search(query, clock.instant(), number - 1, size, "reportedAt", false).items().stream()
                .map(t -> request(t, departments)).toList();
    }

    @GetMapping("/requests/{id}.json")
    public List<Open311Views.Request> request(@PathVariable String id) {
        TicketData t = tickets.find(id).orElseThrow(() -> Open311Error.notFound("no service request " + id));
        return List.of(request(t, departmentNames()));
    }

    /** FixMyStreet's extension: what happened to requests in a time range, from the tickets' histories. */
    @GetMapping("/servicerequestupdates.json")
    public List<Open311Views.Update> updates(@RequestParam(name = "start_date", required = false) String start,
                                             @RequestParam(name = "end_date", required = false) String end) {
        Instant[] range = range(start, end);
        List<Open311Views.Update> updates = new ArrayList<>();
        for (TicketData t : tickets.updatedBetween(range[0], range[1], MAX_RESULTS)) {
            for (int i = 0; i < t.history.size(); i++) {
                HistoryEntry h = t.history.get(i);
                if (i == 0 || h.at().isBefore(range[0]) || !h.at().isBefore(range[1])) {
                    continue; // the report itself is the request, not an update of it
                }
                updates.add(new Open311Views.Update(t.id + "-" + (i + 1), t.id, Open311Status.of(h.to()),
                        updateText(h), format(h.at()), h.attachments().isEmpty() ? null : h.attachments().get(0)));
            }
        }
        updates.sort(Comparator.comparing(Open311Views.Update::updated_datetime)
                .thenComparing(Open311Views.Update::update_id));
        return updates.size() > MAX_RESULTS ? updates.subList(0, MAX_RESULTS) : updates;
    }

    /** Anything else under /open311/v2 (e.g. the XML format, which is not offered) in the spec's error shape. */
    @RequestMapping("/**")
    public List<Open311Views.Created> unknown() {
        throw Open311Error.notFound("no such Open311 resource; this endpoint speaks GeoReport v2 in JSON (.json)");
    }

    // ---- helpers ----

    /**
     * The client: the partner the gateway authenticated by its API key, or, when this service does not require the
     * gateway (tests, a trusted network), whoever names a non-blank api_key.
     */
    private String client(String apiKey) {
        CallerIdentity caller = CallerIdentity.current();
        if (caller.partner() != null) {
            if (!caller.hasScope(WRITE_SCOPE)) {
                throw Open311Error.forbidden("api_key of partner " + caller.partner() + " may not submit requests");
            }
            return caller.partner();
        }
        if (gatewayTrust) {
            throw Open311Error.forbidden("invalid api_key");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Error.badRequest("api_key is required");
        }
        return "api-key";
    }

    private Open311Views.Request request(TicketData t, Map<String, String> departments) {
        String department = t.departmentCode;
        if (department == null) {
            department = grids.category(t.categoryCode).map(c -> c.forDistrict(t.districtCode).departmentCode())
                    .orElse(null);
        }
        String serviceName = grids.category(t.categoryCode).map(c -> c.nameZh() + " " + c.nameEn())
                .orElse(t.categoryCode);
        return new Open311Views.Request(t.id, Open311Status.of(t.status), statusNotes(t), serviceName,
                t.categoryCode, PersonalData.scrubText(t.description),
                department == null ? null : departments.getOrDefault(department, department), notice(t),
                format(t.reportedAt), format(t.updatedAt), t.solution == null ? null : format(t.solution.dueAt()),
                PersonalData.scrubText(t.address), null, null, t.location == null ? null : t.location.lat(),
                t.location == null ? null : t.location.lon(), mediaUrl(t), t.likelyDuplicateOf);
    }

    private static String statusNotes(TicketData t) {
        String detail = switch (t.status) {
            case RESOLVED, REPLIED, CLOSED -> t.replySummary != null ? t.replySummary : t.resolutionSummary;
            case REJECTED, RETURNED -> t.lastReason;
            case MERGED -> "duplicate of " + t.parentTicketId;
            default -> null;
        };
        return t.status.name() + (detail == null ? "" : ": " + PersonalData.scrubText(detail));
    }

    private static String updateText(HistoryEntry h) {
        String comment = h.comment() == null || h.comment().isBlank() ? "" : ": " + PersonalData.scrubText(h.comment());
        return h.action() + " → " + h.to().name() + comment;
    }

    private static String mediaUrl(TicketData t) {
        return t.history.isEmpty() || t.history.get(0).attachments().isEmpty() ? null
                : t.history.get(0).attachments().get(0);
    }

    private static String notice(TicketData t) {
        return "Ticket " + t.ticketNo + " received"
                + (t.solution == null ? "" : "; expected to be solved by " + format(t.solution.dueAt()));
    }

    private static String title(CategoryRule category, String description) {
        if (description == null || description.isBlank()) {
            return category.nameZh();
        }
        String d = description.strip();
        return d.codePointCount(0, d.length()) <= TITLE_LENGTH ? d
                : d.substring(0, d.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
    }

    /** District and community named in a free-text address, so that a report without coordinates can be placed. */
    private String[] placeOf(String address) {
        for (var community : grids.communities(null, 0, 2000).items()) {
            if (community.name() != null && address.contains(community.name())) {
                return new String[] {community.districtCode(), community.code()};
            }
        }
        for (var district : grids.districts()) {
            if (district.name() != null && address.contains(district.name())) {
                return new String[] {district.code(), null};
            }
        }
        throw Open311Error.badRequest("address_string names no known district or community of Sanya; "
                + "give lat and long");
    }

    private CategoryRule category(String code, boolean notFound) {
        Optional<CategoryRule> rule = grids.category(code);
        if (rule.isEmpty()) {
            throw notFound ? Open311Error.notFound("no service with code " + code)
                    : Open311Error.badRequest("service_code " + code + " is not a known service");
        }
        return rule.get();
    }

    private Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Department d : grids.departments()) {
            names.put(d.code(), d.nameZh() + " " + d.nameEn());
        }
        return names;
    }

    /** [start, end): defaults to the last 90 days; at most 90 days. */
    private Instant[] range(String start, String end) {
        Instant now = clock.instant();
        Instant to = end == null || end.isBlank() ? now.plusSeconds(1) : instant(end, "end_date", true);
        Instant from = start == null || start.isBlank() ? to.minus(MAX_RANGE) : instant(start, "start_date", false);
        if (!from.isBefore(to)) {
            throw Open311Error.badRequest("start_date must be before end_date");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE.plusSeconds(1)) > 0) {
            throw Open311Error.badRequest("the date range may span at most 90 days");
        }
        return new Instant[] {from, to};
    }

    /** ISO 8601 with offset (the spec), or a plain date in Sanya's time (whole day for an end date). */
    private static Instant instant(String value, String field, boolean endOfDay) {
        String v = value.strip();
        // Four-digit years only, as ISO 8601 and RFC 3339 have them: java.time also reads "+999999999-12-31",
        // which no store can hold (found by the reliability suite's hostile corpus: a 500).
        if (!v.matches("\\d{4}-.*")) {
            throw badDate(field);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw badDate(field);
            }
        }
    }

    private static Open311Error.Failure badDate(String field) {
        return Open311Error.badRequest(field + " must be an ISO 8601 date-time with offset, e.g. "
                + "2026-11-23T08:00:00+08:00");
    }

    private static Set<TicketStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        Set<TicketStatus> result = EnumSet.noneOf(TicketStatus.class);
        for (String s : status.split(",")) {
            String wanted = s.strip().toLowerCase();
            if (!wanted.equals(Open311Status.OPEN) && !wanted.equals(Open311Status.CLOSED)) {
                throw Open311Error.badRequest("status must be open or closed");
            }
            for (TicketStatus t : TicketStatus.values()) {
                if (Open311Status.of(t).equals(wanted)) {
                    result.add(t);
                }
            }
        }
        return result;
    }

    static String format(Instant instant) {
        return instant == null ? null : ISO.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE)
                .toOffsetDateTime());
    }
}
