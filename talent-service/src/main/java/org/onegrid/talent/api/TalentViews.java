package org.onegrid.talent.api;

import java.time.Instant;
import java.util.List;

import org.onegrid.talent.store.Page;
import org.onegrid.talent.store.TalentRecord;

/** What callers see of a talent: the ID number always masked, the phone only in full for the talent and liaison. */
final class TalentViews {

    record StayView(String id, String arrival, String departure, String district, boolean ended, String address) {
    }

    record TalentView(String id, long version, String name, String gender, Integer birthYear, String idNumber, String phone,
                      String email, String education, String title, List<String> expertise, List<String> freeTags,
                      String employer, String homeCity, String unitId, String category, String highLevelClass,
                      boolean partyMember, String district, List<String> modes, String registeredBy, String status,
                      List<TalentRecord.Review> reviews, String liaisonId,
                      List<TalentRecord.LiaisonChange> liaisonHistory, List<StayView> stays,
                      List<TalentRecord.CaseEntry> cases, int activeMatches, int ratingCount, double ratingAverage,
                      Instant createdAt) {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    private TalentViews() {
    }

    static boolean seesContact(Caller caller, TalentRecord t) {
        return caller.isTalent(t.id()) || caller.isLiaisonOf(t.liaisonId());
    }

    static TalentView view(TalentRecord t, Caller caller, String plainPhone) {
        boolean contact = seesContact(caller, t);
        String idMasked = "*".repeat(Math.max(0, t.idLength() - t.idLast4().length())) + t.idLast4();
        return new TalentView(t.id(), t.version(), t.name(), t.gender(), t.birthYear(), idMasked,
                contact && plainPhone != null ? plainPhone : t.phoneMasked(), t.email(), t.education(), t.title(),
                t.expertise(), t.freeTags(), t.employer(), t.homeCity(), t.unitId(), t.category().name(),
                t.highLevelClass() == null ? null : t.highLevelClass().name(), t.partyMember(),
                t.district() == null ? null : t.district().name(), t.modes().stream().map(Enum::name).toList(),
                t.registeredBy(), t.status().name(), t.reviews(), t.liaisonId(), t.liaisonHistory(),
                t.stays().stream().map(e -> new StayView(e.stay().id(), e.stay().arrival().toString(),
                        e.stay().departure() == null ? null : e.stay().departure().toString(),
                        e.stay().district().name(), e.stay().ended(),
                        contact || caller.isAny("admin", "station") ? e.address() : null)).toList(),
                t.cases(), t.activeMatches(), t.ratingCount(), t.ratingAverage(), t.createdAt());
    }

    static <T, R> PageView<R> page(Page<T> p, java.util.function.Function<T, R> f) {
        return new PageView<>(p.items().stream().map(f).toList(), p.page(), p.size(), p.total());
    }
}
