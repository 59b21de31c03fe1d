package org.onegrid.talent.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.onegrid.talent.domain.CaseStatus;
import org.onegrid.talent.domain.Category;
import org.onegrid.talent.domain.Certification;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.ExpertiseVocabulary;
import org.onegrid.talent.domain.HighLevelClass;
import org.onegrid.talent.domain.PresenceTide;
import org.onegrid.talent.domain.TalentStatus;
import org.onegrid.talent.domain.VolunteerMode;
import org.onegrid.talent.store.TalentRecord;
import org.onegrid.talent.store.TalentStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/talent")
class TalentController {

    record RegisterRequest(
            @NotBlank @Size(max = 60) String name,
            @Pattern(regexp = "M|F|OTHER") String gender,
            @Min(1900) @Max(2010) Integer birthYear,
            @NotBlank @Pattern(regexp = "\\d{17}[\\dXx]", message = "must be an 18-character ID number") String idNumber,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number") String phone,
            @Email String email,
            @Size(max = 60) String education,
            @Size(max = 60) String title,
            @NotEmpty @Size(max = 10) List<@NotBlank String> expertise,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> freeTags,
            @Size(max = 120) String employer,
            @Size(max = 60) String homeCity,
            @Size(max = 60) String unitId,
            @NotNull Category category,
            HighLevelClass highLevelClass,
            Boolean partyMember,
            @NotNull District district,
            @NotEmpty List<@NotNull VolunteerMode> modes) {
    }

    record ProfileRequest(@NotNull Long version,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number") String phone,
            @Email String email, @Size(max = 60) String education, @Size(max = 60) String title,
            @Size(min = 1, max = 10) List<@NotBlank String> expertise,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> freeTags, @Size(max = 120) String employer,
            District district, @Size(min = 1) List<@NotNull VolunteerMode> modes) {
    }

    record ReviewRequest(@NotNull Certification.Decision decision, HighLevelClass highLevelClass,
                         @NotBlank @Size(max = 500) String reason) {
    }

    record LiaisonRequest(@Size(max = 60) String liaisonId) {
    }

    record StayRequest(@NotNull LocalDate arrival, LocalDate departure, @NotNull District district,
                       @Size(max = 200) String address) {
    }

    record EndStayRequest(@NotNull LocalDate departure) {
    }

    record CaseRequest(@NotNull CaseStatus.Kind kind, @Size(max = 500) String note) {
    }

    record CaseDecision(@NotNull CaseStatus status, @Size(max = 500) String note) {
    }

    private final TalentCommands commands;
    private final TalentStore store;

    TalentController(TalentCommands commands, TalentStore store) {
        this.commands = commands;
        this.store = store;
    }

    private TalentViews.TalentView view(TalentRecord t, Caller caller) {
        return TalentViews.view(t, caller, TalentViews.seesContact(caller, t) ? store.decryptPhone(t) : null);
    }

    @PostMapping("/talents")
    @ResponseStatus(HttpStatus.CREATED)
    TalentViews.TalentView register(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                    @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                    @Valid @RequestBody RegisterRequest r) {
        Caller caller = Caller.of(role, user);
        var draft = new TalentStore.NewTalent(null, r.name().strip(), r.gender(), r.birthYear(), r.idNumber(),
                r.phone(), r.email(), r.education(), r.title(), List.copyOf(Set.copyOf(r.expertise())),
                r.freeTags() == null ? List.of() : r.freeTags(), r.employer(), r.homeCity(), r.unitId(),
                r.category(), r.highLevelClass(), Boolean.TRUE.equals(r.partyMember()), r.district(), r.modes(), null, null);
        return view(commands.register(caller, draft), caller);
    }

    @GetMapping("/talents/{id}")
    TalentViews.TalentView get(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                               @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                               @PathVariable String id) {
        return view(commands.get(id), Caller.of(role, user));
    }

    /** Search by tag (a broader tag finds narrower ones), category, district, presence on a day, status; paged. */
    @GetMapping("/talents")
    TalentViews.PageView<TalentViews.TalentView> search(
            @RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
            @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Category category,
            @RequestParam(required = false) District district, @RequestParam(required = false) LocalDate presentOn,
            @RequestParam(required = false) TalentStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        Caller caller = Caller.of(role, user);
        return TalentViews.page(store.search(new TalentStore.Query(tag, category, district, presentOn, status), page,
                size), t -> view(t, caller));
    }

    @PutMapping("/talents/{id}/profile")
    TalentViews.TalentView updateProfile(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                         @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                         @PathVariable String id, @Valid @RequestBody ProfileRequest r) {
        Caller caller = Caller.of(role, user);
        return view(commands.updateProfile(caller, id, r.version(), new TalentStore.ProfileChange(r.phone(),
                r.email(), r.education(), r.title(), r.expertise() == null ? null : List.copyOf(Set.copyOf(r.expertise())),
                r.freeTags(), r.employer(), r.district(), r.modes())), caller);
    }

    @PostMapping("/talents/{id}/review")
    TalentViews.TalentView review(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                  @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                  @PathVariable String id, @Valid @RequestBody ReviewRequest r) {
        Caller caller = Caller.of(role, user);
        return view(commands.review(caller, id, r.decision(), r.highLevelClass(), r.reason()), caller);
    }

    @PostMapping("/talents/{id}/liaison")
    TalentViews.TalentView reassign(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                    @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                    @PathVariable String id, @Valid @RequestBody LiaisonRequest r) {
        Caller caller = Caller.of(role, user);
        return view(commands.reassign(caller, id, r.liaisonId()), caller);
    }

    @PostMapping("/talents/{id}/stays")
    @ResponseStatus(HttpStatus.CREATED)
    TalentViews.TalentView addStay(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                   @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                   @PathVariable String id, @Valid @RequestBody StayRequest r) {
        Caller caller = Caller.of(role, user);
        return view(commands.addStay(caller, id, r.arrival(), r.departure(), r.district(), r.address()), caller);
    }

    @PostMapping("/talents/{id}/stays/{stayId}/end")
    TalentViews.TalentView endStay(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                   @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                   @PathVariable String id, @PathVariable String stayId,
                                   @Valid @RequestBody EndStayRequest r) {
        Caller caller = Caller.of(role, user);
        return view(commands.endStay(caller, id, stayId, r.departure()), caller);
    }

    @PostMapping("/talents/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    TalentViews.TalentView openCase(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                    @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                    @PathVariable String id, @Valid @RequestBody CaseRequest r) {
        Caller caller = Caller.of(role, user);
        return view(commands.openCase(caller, id, r.kind(), r.note()), caller);
    }

    @PostMapping("/talents/{id}/cases/{caseId}/decision")
    TalentViews.TalentView decideCase(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                      @RequestHeader(value = Caller.USER_HEADER, required = false) String user,
                                      @PathVariable String id, @PathVariable String caseId,
                                      @Valid @RequestBody CaseDecision r) {
        Caller caller = Caller.of(role, user);
        return view(commands.decideCase(caller, id, caseId, r.status(), r.note()), caller);
    }

    /** The tide: talents present per month by category and top-level expertise, e.g. from=2025-10&to=2026-09. */
    @GetMapping("/presence/monthly")
    List<PresenceTide.Month> tide(@RequestParam YearMonth from, @RequestParam YearMonth to) {
        return commands.tide(from, to);
    }

    @GetMapping("/vocabulary")
    Set<String> vocabulary() {
        return ExpertiseVocabulary.all();
    }
}
