package org.onegrid.talent.store;

import java.time.Instant;
import java.util.List;

import org.onegrid.talent.domain.Category;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.HighLevelClass;
import org.onegrid.talent.domain.Stay;
import org.onegrid.talent.domain.TalentStatus;
import org.onegrid.talent.domain.VolunteerMode;

/** A talent as stored: the ID number only as its last 4 characters here; the phone still encrypted. */
public record TalentRecord(String id, long version, String name, String gender, Integer birthYear, String idLast4,
                           int idLength, String phoneCipher, String phoneMasked, String email, String education,
                           String title, List<String> expertise, List<String> freeTags, String employer,
                           String homeCity, String unitId, Category category, HighLevelClass highLevelClass,
                           boolean partyMember, District district, List<VolunteerMode> modes, String registeredBy,
                           TalentStatus status, List<Review> reviews, String liaisonId,
                           List<LiaisonChange> liaisonHistory, List<StayEntry> stays, List<CaseEntry> cases,
                           int activeMatches, int ratingCount, int ratingSum, Instant createdAt) {

    public record Review(String decision, String reason, String reviewer, String fromStatus, String toStatus,
                         String highLevelClass, Instant at) {
    }

    public record LiaisonChange(String liaisonId, String previousLiaisonId, String reason, String by, Instant at) {
    }

    public record StayEntry(Stay stay, String address) {
    }

    public record CaseEntry(String caseId, String kind, String status, String note, List<CaseStep> history) {
    }

    public record CaseStep(String status, String note, String by, Instant at) {
    }

    public boolean resident() {
        return org.onegrid.talent.domain.Presence.isResidentCity(homeCity);
    }

    public List<Stay> stayList() {
        return stays.stream().map(StayEntry::stay).toList();
    }

    public double ratingAverage() {
        return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
    }
}
