package org.onegrid.talent.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onegrid.platform.service.ApiException;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.ServiceRequestStatus;
import org.onegrid.talent.domain.ServiceRequestType;
import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.ServiceRequestStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/talent")
class LiaisonController {

    record ServiceRequestBody(@Size(max = 60) String requestId, @NotNull ServiceRequestType type,
                              @Size(max = 1000) String description) {
    }

    record StatusBody(@NotNull ServiceRequestStatus status, @Size(max = 500) String note) {
    }

    private final LiaisonStore liaisons;
    private final ServiceRequestStore requests;
    private final ServiceRequestCommands commands;

    LiaisonController(LiaisonStore liaisons, ServiceRequestStore requests, ServiceRequestCommands commands) {
        this.liaisons = liaisons;
        this.requests = requests;
        this.commands = commands;
    }

    @GetMapping("/liaisons")
    TalentViews.PageView<LiaisonStore.Liaison> list(@RequestParam(required = false) String unitId,
                                                    @RequestParam(required = false) District district,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return TalentViews.page(liaisons.list(unitId, district, page, size), l -> l);
    }

    @GetMapping("/units")
    TalentViews.PageView<LiaisonStore.Unit> units(@RequestParam(required = false) District district,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return TalentViews.page(liaisons.units(district, page, size), u -> u);
    }

    /** A talent's service request (housing, medical, schooling, car, travel, subsidy); a retry with the same requestId is safe. */
    @PostMapping("/talents/{id}/service-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceRequestStore.ServiceRequest raise(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                             @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                             @PathVariable String id, @Valid @RequestBody ServiceRequestBody r) {
        return commands.raise(Caller.of(role, user), id, r.requestId(), r.type(), r.description());
    }

    /** A liaison sees their own work list, a talent their own requests, an admin everything. */
    @GetMapping("/service-requests")
    TalentViews.PageView<ServiceRequestStore.ServiceRequest> list(
            @RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
            @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
            @RequestParam(required = false) String liaisonId, @RequestParam(required = false) String talentId,
            @RequestParam(required = false) ServiceRequestStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        Caller caller = Caller.of(role, user);
        if (caller.is("liaison")) {
            liaisonId = caller.user();
        } else if (caller.is("talent")) {
            talentId = caller.user();
        } else if (!caller.isAny("admin", "reviewer")) {
            throw ApiException.forbidden("service requests are seen by their talent, their liaison and admins");
        }
        return TalentViews.page(requests.list(liaisonId, talentId, status, page, size), r -> r);
    }

    @PostMapping("/service-requests/{id}/status")
    ServiceRequestStore.ServiceRequest move(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                            @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                            @PathVariable String id, @Valid @RequestBody StatusBody r) {
        return commands.move(Caller.of(role, user), id, r.status(), r.note());
    }
}
