package org.onegrid.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksPhoneIdAndName() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskIdNumber("46020019900101123X")).isEqualTo("**************123X");
        assertThat(PersonalData.maskName("王小明")).isEqualTo("王**");
        assertThat(PersonalData.maskEmail("wang.xiaoming@example.cn")).isEqualTo("w***@example.cn");
        assertThat(PersonalData.maskEmail("not-an-address")).isEqualTo("**************");
    }

    @Test
    void scrubsNumbersOutOfFreeText() {
        String text = "我叫张三，电话13812345678，身份证460200199001011234，路灯坏了";

        String scrubbed = PersonalData.scrubText(text);

        assertThat(scrubbed).doesNotContain("13812345678").doesNotContain("460200199001011234")
                .contains("138****5678").contains("路灯坏了");
    }
}
