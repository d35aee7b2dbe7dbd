package vn.ocop.query.audit.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event store exactly as stored, and its canonical bytes: every column that gives the event its
 * meaning, each length-prefixed (a missing value as length -1) so that no two different rows share an encoding.
 */
public record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                          String payloadType, String payloadRevision, String timestamp, byte[] payload,
                          byte[] metadata) {

    /** The columns {@link #read} expects, in its order. */
    public static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data";

    private static final byte[] FORMAT = "ocop-chain/1".getBytes(StandardCharsets.US_ASCII);

    /** Reads the event from {@link #COLUMNS}, starting at column {@code first}. */
    public static StoredEvent read(ResultSet row, int first) throws SQLException {
        return new StoredEvent(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getLong(first + 4), row.getString(first + 5), row.getString(first + 6),
                row.getString(first + 7), row.getBytes(first + 8), row.getBytes(first + 9));
    }

    /** The chain's hash at this event: SHA-256 of the previous hash followed by the canonical bytes. */
    public byte[] chainedOnto(byte[] previousHash) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        writeCanonical(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
        return sha256.digest();
    }

    /** The canonical bytes themselves, to be chained later ({@link #chained}), e.g. on another thread. */
    public byte[] canonical() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + length(payload) + length(metadata));
        writeCanonical(bytes);
        return bytes.toByteArray();
    }

    /** The chain's hash at an event whose canonical bytes are given: as {@link #chainedOnto}. */
    public static byte[] chained(byte[] previousHash, byte[] canonical) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical);
        return sha256.digest();
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private void writeCanonical(OutputStream target) {
        try (DataOutputStream out = new DataOutputStream(target)) {
            out.write(FORMAT);
            out.writeLong(position);
            text(out, eventId);
            text(out, aggregateType);
            text(out, aggregateId);
            out.writeLong(sequence);
            text(out, payloadType);
            text(out, payloadRevision);
            text(out, timestamp);
            binary(out, payload);
            binary(out, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash before the first event. */
    public static byte[] genesis() {
        return new byte[32];
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
