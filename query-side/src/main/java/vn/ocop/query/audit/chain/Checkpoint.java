package vn.ocop.query.audit.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed statement that the chain's entry {@code sequence}, for the event at {@code position}, had
 * {@code hash} at {@code signedAt}. The hash is hex, the signature base64, so that the exported file reads plainly.
 */
public record Checkpoint(long sequence, long position, String hash, Instant signedAt, String keyId,
                         String signature) {

    private static final byte[] FORMAT = "ocop-checkpoint/1".getBytes(StandardCharsets.US_ASCII);

    /** What the signature covers. */
    public static byte[] signedBytes(long sequence, long position, byte[] hash, Instant signedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(80);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(FORMAT);
            out.writeLong(sequence);
            out.writeLong(position);
            out.write(hash);
            out.writeLong(signedAt.toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Every checkpoint stored in the database, in the chain's order. */
    public static List<Checkpoint> readAll(Connection connection) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select sequence, position, hash, signed_at, "
                + "key_id, signature from audit_checkpoint order by sequence");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                checkpoints.add(new Checkpoint(row.getLong(1), row.getLong(2), HexFormat.of().formatHex(row.getBytes(3)),
                        row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5),
                        Base64.getEncoder().encodeToString(row.getBytes(6))));
            }
        }
        return checkpoints;
    }

    byte[] hashBytes() {
        return HexFormat.of().parseHex(hash);
    }

    boolean signedBy(SigningKey key) {
        try {
            return key.verifies(signedBytes(sequence, position, hashBytes(), signedAt),
                    Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
