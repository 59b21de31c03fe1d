package org.onegrid.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificationTest {

    @Test
    void aReviewerMayCorrectTheClassOfAHighLevelTalent() {
        var outcome = Certification.decide(TalentStatus.PENDING, Category.HIGH_LEVEL, HighLevelClass.B,
                Certification.Decision.CERTIFY, HighLevelClass.C, "论文与项目经历符合C类标准");
        assertThat(outcome).isEqualTo(new Certification.Outcome(TalentStatus.CERTIFIED, HighLevelClass.C));
    }

    @Test
    void aRejectedTalentMayBeReviewedAgainButACertifiedOneNot() {
        var rejected = Certification.decide(TalentStatus.PENDING, Category.MIGRATORY, null,
                Certification.Decision.REJECT, null, "材料不全");
        assertThat(rejected.status()).isEqualTo(TalentStatus.REJECTED);
        assertThat(Certification.decide(TalentStatus.REJECTED, Category.MIGRATORY, null,
                Certification.Decision.CERTIFY, null, "补充材料后通过").status()).isEqualTo(TalentStatus.CERTIFIED);
        assertThatThrownBy(() -> Certification.decide(TalentStatus.CERTIFIED, Category.MIGRATORY, null,
                Certification.Decision.REJECT, null, "again")).isInstanceOf(IllegalTransitionException.class)
                .extracting(e -> ((IllegalTransitionException) e).currentState()).isEqualTo("CERTIFIED");
    }

    @Test
    void aDecisionNeedsAReason() {
        assertThatThrownBy(() -> Certification.decide(TalentStatus.PENDING, Category.GENERAL, null,
                Certification.Decision.CERTIFY, null, " ")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void proposalsMoveOnlyAlongTheirLifeCycle() {
        assertThat(ProposalStatus.PROPOSED.moveTo(ProposalStatus.ACCEPTED)).isEqualTo(ProposalStatus.ACCEPTED);
        assertThatThrownBy(() -> ProposalStatus.DECLINED.moveTo(ProposalStatus.ACCEPTED))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("DECLINED");
        assertThatThrownBy(() -> ProposalStatus.PROPOSED.moveTo(ProposalStatus.COMPLETED))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
