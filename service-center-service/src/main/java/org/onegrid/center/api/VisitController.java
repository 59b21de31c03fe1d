package org.onegrid.center.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.onegrid.center.store.CenterStore;
import org.onegrid.center.store.VisitStore;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The walk-in counter, volunteer service hours and party members' community reporting (双报到). */
@RestController
@RequestMapping("/centers")
class VisitController {

    private final CenterStore centers;
    private final VisitStore visits;
    private final OutboxRelay relay;
    private final Clock clock;

    VisitController(CenterStore centers, VisitStore visits, OutboxRelay relay, Clock clock) {
        this.centers = centers;
        this.visits = visits;
        this.relay = relay;
        this.clock = clock;
    }

    public record VisitRequest(@Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String requestId,
                               @NotBlank @Pattern(regexp = "[A-Z_]{2,40}", message = "a purpose code such as "
                                       + "CONSULTATION, SERVICE_ITEM, ACTIVITY, REST, FIRST_AID, READING") String purpose,
                               @Min(1) @Max(500) Integer visitors) {
    }

    public record VisitView(String visitId, String centerId, String purpose, int visitors, Instant visitedAt) {
    }

    @PostMapping("/{centerId}/visits")
    @Operation(description = "Counts walk-in visitors; a retried request with the same requestId counts once (200).")
    ResponseEntity<VisitView> visit(@PathVariable String centerId, @Valid @RequestBody VisitRequest r) {
        Document center = require(centerId);
        String id = "visit-" + (r.requestId() == null ? UUID.randomUUID().toString() : r.requestId());
        var recorded = visits.recordVisit(id, center, r.purpose(), r.visitors() == null ? 1 : r.visitors(),
                clock.instant());
        relay.nudge();
        Document v = recorded.document();
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new VisitView(
                v.getString("_id"), v.getString("centerId"), v.getString("purpose"), v.getInteger("visitors"),
                v.getDate("visitedAt").toInstant()));
    }

    public record HoursRequest(@Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String requestId,
                               @NotBlank @Size(max = 64) String personId,
                               @NotNull @DecimalMin(value = "0.25") @DecimalMax("24") Double hours,
                               @Min(0) @Max(10_000) Integer servedPeople,
                               @Size(max = 64) String activityId) {
    }

    public record HoursView(String entryId, String centerId, String personId, double hours, int servedPeople) {
    }

    @PostMapping("/{centerId}/volunteer-hours")
    ResponseEntity<HoursView> logHours(@PathVariable String centerId, @Valid @RequestBody HoursRequest r) {
        Document center = require(centerId);
        String id = "vh-" + (r.requestId() == null ? UUID.randomUUID().toString() : r.requestId());
        var recorded = visits.logHours(id, center, r.personId(), r.hours(),
                r.servedPeople() == null ? 0 : r.servedPeople(), r.activityId(), clock.instant());
        relay.nudge();
        Document e = recorded.document();
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new HoursView(
                e.getString("_id"), e.getString("centerId"), e.getString("personId"), e.getDouble("hours"),
                e.getInteger("servedPeople")));
    }

    @GetMapping("/volunteers/{personId}/hours")
    @Operation(description = "A volunteer's service hours per centre.")
    List<VisitStore.HoursTotal> hoursOf(@PathVariable String personId) {
        return visits.hoursOf(personId);
    }

    @GetMapping("/{centerId}/volunteer-hours")
    @Operation(description = "A centre's volunteer service hours per volunteer.")
    List<VisitStore.HoursTotal> hoursAt(@PathVariable String centerId) {
        require(centerId);
        return visits.hoursAt(centerId);
    }

    public record PartyReportRequest(@NotBlank @Size(max = 64) String personId,
                                     @NotBlank @Size(max = 100) String partyBranch) {
    }

    public record PartyReportView(String centerId, String communityCode, String personId, String partyBranch,
                                  Instant reportedAt) {
    }

    @PostMapping("/{centerId}/party-reports")
    @Operation(description = "双报到: a party member registers with the community served by this centre (once).")
    ResponseEntity<PartyReportView> report(@PathVariable String centerId, @Valid @RequestBody PartyReportRequest r) {
        var recorded = visits.registerPartyMember(require(centerId), r.personId(), r.partyBranch().strip(),
                clock.instant());
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(reportView(recorded.document()));
    }

    @GetMapping("/{centerId}/party-reports")
    List<PartyReportView> reports(@PathVariable String centerId, @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        Pages.check(page, size);
        require(centerId);
        return visits.partyMembersAt(centerId, page, size).stream().map(VisitController::reportView).toList();
    }

    private static PartyReportView reportView(Document d) {
        return new PartyReportView(d.getString("centerId"), d.getString("communityCode"), d.getString("personId"),
                d.getString("partyBranch"), d.getDate("reportedAt").toInstant());
    }

    private Document require(String centerId) {
        return centers.find(centerId).orElseThrow(() -> ApiException.notFound("centre", centerId));
    }
}
