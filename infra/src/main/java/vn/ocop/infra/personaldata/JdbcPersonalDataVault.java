package vn.ocop.infra.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.query.common.BatchReads;

/**
 * Seals personal data with AES-256-GCM under a key per data owner, stored in {@code personal_data_key}.
 * The owner's reference is bound into each cipher text as associated data, so a value cannot be passed
 * off as another owner's. Forgetting wipes the key; its row stays as the record that it was forgotten.
 *
 * <p>In a views' batch, the owners' keys that the batch's events may open are read together, in one query
 * ({@link BatchReads}); within a transaction an owner's key is read once, and what this vault seals or forgets in
 * it is what the transaction's later look-ups find.
 */
@Component
class JdbcPersonalDataVault implements PersonalDataVault {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    /** Owners' keys as a views' batch reads them: forgotten ones as none. */
    private final BatchReads<byte[]> batchKeys;

    JdbcPersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batchKeys = new BatchReads<>(
                owners -> jdbc.query("select key_ref, key_material from personal_data_key where key_ref = any (?) "
                                + "and key_material is not null", (row, n) -> Map.entry(row.getString(1), row.getBytes(2)),
                                (Object) owners.toArray(String[]::new)).stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                this::existingKey);
    }

    @Override
    public SealedPersonalData seal(String keyRef, String clearText) {
        byte[] key = keyFor(keyRef).orElseThrow(() -> new IllegalStateException("the owner's key was forgotten"));
        batchKeys.remember(keyRef, key);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, keyRef, clearText.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return new SealedPersonalData(keyRef, Base64.getEncoder().encodeToString(stored));
    }

    @Override
    public Optional<String> open(SealedPersonalData sealed) {
        return batchKeys.find(sealed.keyRef()).map(key -> {
            ByteBuffer stored = ByteBuffer.wrap(Base64.getDecoder().decode(sealed.cipherText()));
            byte[] nonce = new byte[NONCE_BYTES];
            stored.get(nonce);
            byte[] cipherText = new byte[stored.remaining()];
            stored.get(cipherText);
            return new String(run(Cipher.DECRYPT_MODE, key, nonce, sealed.keyRef(), cipherText),
                    StandardCharsets.UTF_8);
        });
    }

    @Override
    public void forget(String keyRef) {
        batchKeys.remember(keyRef, null);
        jdbc.update("""
                insert into personal_data_key (key_ref, key_material, forgotten_at) values (?, null, now())
                on conflict (key_ref) do update set key_material = null, forgotten_at = now()""", keyRef);
    }

    @Override
    public long forgottenOwners() {
        Long owners = jdbc.queryForObject("select count(*) from personal_data_key where forgotten_at is not null",
                Long.class);
        return owners == null ? 0 : owners;
    }

    /**
     * The owner's key, created on first use; empty when it was forgotten. An existing key is read without a
     * write. A new one is written in the caller's transaction: in a registration's ({@code CommandExecutor}),
     * it commits with the events that carry what it sealed.
     */
    private Optional<byte[]> keyFor(String keyRef) {
        List<byte[]> keys = keyRows(keyRef);
        if (keys.isEmpty()) {
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            // Another transaction making the same owner's key at once: the insert waits for it, does nothing,
            // and the key it made is read afresh.
            return jdbc.update("insert into personal_data_key (key_ref, key_material) values (?, ?) "
                    + "on conflict do nothing", keyRef, fresh) == 1 ? Optional.of(fresh) : existingKey(keyRef);
        }
        return keys.stream().filter(Objects::nonNull).findFirst();
    }

    private Optional<byte[]> existingKey(String keyRef) {
        return keyRows(keyRef).stream().filter(Objects::nonNull).findFirst();
    }

    /** The owner's row's key material — null once forgotten — or no row. */
    private List<byte[]> keyRows(String keyRef) {
        return jdbc.query("select key_material from personal_data_key where key_ref = ?",
                (row, n) -> row.getBytes(1), keyRef);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, String keyRef, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyRef.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be " +
                    (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
