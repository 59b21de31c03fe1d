package org.onegrid.talent.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onegrid.platform.service.ApiException;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.Matching;
import org.onegrid.talent.domain.NeedPoster;
import org.onegrid.talent.domain.ProposalStatus;
import org.onegrid.talent.domain.VolunteerMode;
import org.onegrid.talent.store.NeedStore;
import org.onegrid.talent.store.ProposalStore;
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
class NeedController {

    record NeedRequest(@Size(max = 60) String needId, @NotBlank @Size(max = 120) String title,
                       @Size(max = 2000) String description, @NotNull NeedPoster postedByKind,
                       @NotBlank @Size(max = 60) String postedByName, @NotEmpty @Size(max = 10) List<@NotBlank String> requiredTags,
                       @NotNull District district, @NotNull LocalDate windowStart, @NotNull LocalDate windowEnd,
                       @NotNull @Min(1) @Max(500) Integer peopleCount, @NotNull VolunteerMode mode) {
    }

    record ProposeRequest(@Size(max = 60) String talentId, @Min(1) @Max(20) Integer top) {
    }

    record NoteRequest(@Size(max = 500) String note) {
    }

    record CompleteRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 1000) String feedback) {
    }

    record ScoreView(String talentId, double total, boolean eligible, java.util.Map<String, Matching.Component> components,
                     List<String> exclusions) {
    }

    private final NeedCommands commands;
    private final NeedStore needs;
    private final ProposalStore proposals;

    NeedController(NeedCommands commands, NeedStore needs, ProposalStore proposals) {
        this.commands = commands;
        this.needs = needs;
        this.proposals = proposals;
    }

    @PostMapping("/needs")
    @ResponseStatus(HttpStatus.CREATED)
    NeedStore.Need post(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                        @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                        @Valid @RequestBody NeedRequest r) {
        return commands.post(Caller.of(role, user), new NeedStore.Need(r.needId(), 0, r.title(), r.description(),
                r.postedByKind(), r.postedByName(), List.copyOf(new java.util.LinkedHashSet<>(r.requiredTags())),
                r.district(), r.windowStart(), r.windowEnd(), r.peopleCount(), 0, r.peopleCount(), r.mode(), "OPEN",
                null));
    }

    @GetMapping("/needs")
    TalentViews.PageView<NeedStore.Need> list(@RequestParam(required = false) District district,
                                              @RequestParam(required = false) String tag,
                                              @RequestParam(required = false) Boolean open,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return TalentViews.page(needs.list(district, tag, open, page, size), n -> n);
    }

    @GetMapping("/needs/{id}")
    NeedStore.Need get(@PathVariable String id) {
        return commands.get(id);
    }

    /** Ranked candidates with the components of each score; {@code includeIneligible} also shows who is ruled out. */
    @GetMapping("/needs/{id}/candidates")
    List<ScoreView> candidates(@PathVariable String id, @RequestParam(defaultValue = "10") int limit,
                               @RequestParam(defaultValue = "false") boolean includeIneligible) {
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit", "must be between 1 and 100");
        }
        return commands.candidates(id, limit, includeIneligible).stream()
                .map(s -> new ScoreView(s.talentId(), s.total(), s.eligible(), s.components(), s.exclusions()))
                .toList();
    }

    /** Proposes one talent ({@code talentId}) or the {@code top} N eligible candidates. */
    @PostMapping("/needs/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    List<ProposalStore.Proposal> propose(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                         @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                         @PathVariable String id, @Valid @RequestBody ProposeRequest r) {
        Caller caller = Caller.of(role, user);
        if (r.talentId() != null) {
            return List.of(commands.propose(caller, id, r.talentId()));
        }
        if (r.top() == null) {
            throw ApiException.badRequest("talentId", "name a talentId or ask for the top N");
        }
        return commands.proposeTop(caller, id, r.top());
    }

    @GetMapping("/proposals")
    TalentViews.PageView<ProposalStore.Proposal> proposals(@RequestParam(required = false) String needId,
                                                           @RequestParam(required = false) String talentId,
                                                           @RequestParam(required = false) ProposalStatus status,
                                                           @RequestParam(defaultValue = "0") int page,
                                                           @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return TalentViews.page(proposals.list(needId, talentId, status, page, size), p -> p);
    }

    @GetMapping("/proposals/{id}")
    ProposalStore.Proposal proposal(@PathVariable String id) {
        return commands.getProposal(id);
    }

    @PostMapping("/proposals/{id}/accept")
    ProposalStore.Proposal accept(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                  @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                  @PathVariable String id) {
        return commands.accept(Caller.of(role, user), id);
    }

    @PostMapping("/proposals/{id}/decline")
    ProposalStore.Proposal decline(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                   @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                   @PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return commands.decline(Caller.of(role, user), id, r == null ? null : r.note());
    }

    @PostMapping("/proposals/{id}/confirm")
    ProposalStore.Proposal confirm(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                   @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                   @PathVariable String id) {
        return commands.confirm(Caller.of(role, user), id);
    }

    @PostMapping("/proposals/{id}/complete")
    ProposalStore.Proposal complete(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                    @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                    @PathVariable String id, @Valid @RequestBody CompleteRequest r) {
        return commands.complete(Caller.of(role, user), id, r.rating(), r.feedback());
    }

    @PostMapping("/proposals/{id}/cancel")
    ProposalStore.Proposal cancel(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                  @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                  @PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return commands.cancel(Caller.of(role, user), id, r == null ? null : r.note());
    }
}
