package org.onegrid.ticket.domain.intake;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatCallerTest {

    @Test
    void samePhoneHowEverItIsWritten() {
        assertThat(RepeatCaller.phoneHash("+86 138-1234-5678")).isEqualTo(RepeatCaller.phoneHash("13812345678"))
                .isEqualTo(RepeatCaller.phoneHash("0086 13812345678"));
        assertThat(RepeatCaller.phoneHash("13812345679")).isNotEqualTo(RepeatCaller.phoneHash("13812345678"));
        assertThat(RepeatCaller.phoneHash("13812345678")).doesNotContain("5678");
    }

    @Test
    void sameContentIgnoringSpacingPunctuationCaseAndFullWidth() {
        assertThat(RepeatCaller.contentHash("小区后门垃圾无人清运，已经三天了！ABC"))
                .isEqualTo(RepeatCaller.contentHash(" 小区后门 垃圾无人清运,已经三天了 abc"))
                .isEqualTo(RepeatCaller.contentHash("小区后门垃圾无人清运。已经三天了ＡＢＣ"));
        assertThat(RepeatCaller.contentHash("小区后门垃圾无人清运，已经四天了"))
                .isNotEqualTo(RepeatCaller.contentHash("小区后门垃圾无人清运，已经三天了"));
    }

    @Test
    void backoffDoublesUpToItsCapAndGivesUpAfterMaxAttempts() {
        var backoff = new DeliveryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 8);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(60)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.exhausted(7)).isFalse();
        assertThat(backoff.exhausted(8)).isTrue();
    }
}
