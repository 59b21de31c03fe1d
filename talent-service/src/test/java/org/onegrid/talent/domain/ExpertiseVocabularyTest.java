package org.onegrid.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExpertiseVocabularyTest {

    @Test
    void aNarrowerTagFullyCoversItsParentAndAParentPartlyCoversTheNarrowerOne() {
        assertThat(ExpertiseVocabulary.credit("medicine", "medicine/cardiology")).isEqualTo(1.0);
        assertThat(ExpertiseVocabulary.credit("medicine/cardiology", "medicine/cardiology")).isEqualTo(1.0);
        assertThat(ExpertiseVocabulary.credit("medicine/cardiology", "medicine")).isEqualTo(0.5);
        assertThat(ExpertiseVocabulary.credit("medicine/cardiology", "medicine/pediatrics")).isEqualTo(0.25);
        assertThat(ExpertiseVocabulary.credit("medicine/cardiology", "education/mathematics")).isZero();
        assertThat(ExpertiseVocabulary.credit("medicine", "medicinal-herbs")).isZero();
    }

    @Test
    void expandsTagsWithTheirAncestorsForSearch() {
        assertThat(ExpertiseVocabulary.expand(List.of("agriculture/tropical-fruit", "agriculture/seed-breeding")))
                .containsExactly("agriculture", "agriculture/tropical-fruit", "agriculture/seed-breeding");
        assertThat(ExpertiseVocabulary.isKnown("education/mathematics")).isTrue();
        assertThat(ExpertiseVocabulary.isKnown("astrology")).isFalse();
    }
}
