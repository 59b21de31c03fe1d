package org.onegrid.talent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String HASH = Base64.getEncoder().encodeToString("hash-key-hash-key-hash-key-32byt".getBytes());
    private static final String ID = "46020019800101123X";

    @Test
    void ciphertextNamesItsKeySoOldValuesStayReadableAfterRotation() {
        var before = new PersonalDataCipher(new CryptoProperties(Map.of("k1", K1), "k1", HASH));
        String stored = before.encrypt("idNumber", ID);
        assertThat(stored).startsWith("k1:").doesNotContain(ID).doesNotContain("1234");

        var rotated = new PersonalDataCipher(new CryptoProperties(Map.of("k1", K1, "k2", K2), "k2", HASH));
        assertThat(rotated.decrypt("idNumber", stored)).isEqualTo(ID);
        String fresh = rotated.encrypt("idNumber", ID);
        assertThat(PersonalDataCipher.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(fresh).isNotEqualTo(rotated.encrypt("idNumber", ID));
        assertThat(rotated.hash("idNumber", ID)).isEqualTo(before.hash("idNumber", ID)).hasSize(64);
    }

    @Test
    void aCiphertextCannotBeReadAsAnotherField() {
        var cipher = new PersonalDataCipher(new CryptoProperties(Map.of("k1", K1), "k1", HASH));
        String phone = cipher.encrypt("phone", "13812345678");
        assertThatThrownBy(() -> cipher.decrypt("idNumber", phone)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAShortKeyOrAMissingActiveKey() {
        assertThatThrownBy(() -> new PersonalDataCipher(new CryptoProperties(Map.of("k1", "AAAA"), "k1", HASH)))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new PersonalDataCipher(new CryptoProperties(Map.of("k1", K1), "k9", HASH)))
                .hasMessageContaining("active-key-id");
    }
}
