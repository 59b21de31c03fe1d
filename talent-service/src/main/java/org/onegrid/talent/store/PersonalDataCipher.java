package org.onegrid.talent.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Field encryption for ID and phone numbers: AES-256-GCM with a fresh 96-bit IV, the field name as associated data
 * (a phone ciphertext cannot be passed off as an ID number), stored as {@code <keyId>:<base64(iv|ciphertext)>} so
 * that keys rotate: new writes use the active key, reads pick the key named in the value. A keyed HMAC-SHA256 of
 * the normalised value serves look-ups and the unique index without ever storing the value.
 */
public class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecretKey hashKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(CryptoProperties properties) {
        if (properties.keys() == null || properties.keys().isEmpty()) {
            throw new IllegalStateException("onegrid.talent.crypto.keys.<keyId> must list at least one key");
        }
        properties.keys().forEach((id, b64) -> keys.put(id, aesKey(id, b64)));
        if (!keys.containsKey(properties.activeKeyId())) {
            throw new IllegalStateException("onegrid.talent.crypto.active-key-id names no configured key");
        }
        this.activeKeyId = properties.activeKeyId();
        if (properties.hashKey() == null) {
            throw new IllegalStateException("onegrid.talent.crypto.hash-key is required");
        }
        this.hashKey = new SecretKeySpec(Base64.getDecoder().decode(properties.hashKey()), "HmacSHA256");
    }

    private static SecretKey aesKey(String id, String b64) {
        byte[] raw = Base64.getDecoder().decode(b64);
        if (raw.length != 32) {
            throw new IllegalStateException("key " + id + " must be 256 bits");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String field, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String field, String stored) {
        int colon = stored.indexOf(':');
        SecretKey key = keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("no key " + stored.substring(0, colon) + " configured any more");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The key id a stored value was written with (to find values still under a retired key). */
    public static String keyIdOf(String stored) {
        return stored.substring(0, stored.indexOf(':'));
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String hash(String field, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    public static String normaliseIdNumber(String id) {
        return id.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }
}
