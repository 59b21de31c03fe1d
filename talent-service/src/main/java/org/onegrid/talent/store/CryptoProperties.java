package org.onegrid.talent.store;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onegrid.talent.crypto.keys.<keyId>=<base64 256-bit AES key>}, {@code active-key-id} (the key new
 * ciphertexts use; older keys stay listed until re-encrypted) and {@code hash-key} (HMAC key for look-ups; not
 * rotated, since rotating it means re-hashing every record).
 */
@ConfigurationProperties("onegrid.talent.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKeyId, String hashKey) {
}
