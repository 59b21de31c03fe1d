package org.onegrid.talent.domain;

/**
 * The review (认定) of a registration. A reviewer decides with a reason; a HIGH_LEVEL talent is certified only with
 * a class A–E (the reviewer may correct the claimed class). A rejected talent may be reviewed again after new
 * evidence, a certified one only re-classed by a new registration.
 */
public final class Certification {

    public enum Decision { CERTIFY, REJECT }

    public record Outcome(TalentStatus status, HighLevelClass highLevelClass) {
    }

    private Certification() {
    }

    public static Outcome decide(TalentStatus current, Category category, HighLevelClass claimed, Decision decision,
                                 HighLevelClass confirmedClass, String reason) {
        if (current == TalentStatus.CERTIFIED) {
            throw new IllegalTransitionException(current.name(), "the talent is already certified");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "a review needs a reason");
        }
        if (decision == Decision.REJECT) {
            return new Outcome(TalentStatus.REJECTED, claimed);
        }
        HighLevelClass cls = confirmedClass != null ? confirmedClass : claimed;
        if (category == Category.HIGH_LEVEL && cls == null) {
            throw new RuleViolation("highLevelClass", "a high-level talent is certified with a class A–E");
        }
        if (category != Category.HIGH_LEVEL && confirmedClass != null) {
            throw new RuleViolation("highLevelClass", "only HIGH_LEVEL talent has a class");
        }
        return new Outcome(TalentStatus.CERTIFIED, category == Category.HIGH_LEVEL ? cls : null);
    }
}
