package vn.ocop.query.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.ocop.events.common.PersonalDataVault;

/**
 * The index of the views' checkpoints: copies of every view's tables as a replay of the events up to a position
 * left them ({@code view_checkpoint}, one schema of tables each). {@link ShadowReplay} makes them, and starts a
 * replay up to a past instant from the newest one usable for it, so that time travel replays the events after
 * that checkpoint rather than every event from the first.
 *
 * <p>A checkpoint stands for "every event up to its position, replayed in order by today's projections", and is
 * used only while that holds: when it was made by the same code ({@link #code()}: a digest of the service's classes
 * and database migrations), when the events up to its position are still as many as it replayed (an event that
 * committed late below it would be missing), and while no more owners' personal data is forgotten than when it
 * began (its subjects' rows may hold what was forgotten since). Anything else is dropped by the next maker and
 * ignored by readers.
 */
@Component
public class ViewCheckpoints {

    /** The prefix of the schemas that hold checkpoints' tables. */
    static final String SCHEMA_PREFIX = "ocop_view_checkpoint_";

    /**
     * One checkpoint: every view as the events up to {@code position} (of which there were {@code events}, the
     * latest recorded at {@code recordedUpTo}) left it, in the tables of {@code schema}.
     */
    public record Checkpoint(long position, long events, Instant recordedUpTo, Instant madeAt, long forgottenOwners,
                             String viewsCode, String schema) {
    }

    private static final RowMapper<Checkpoint> ROW = (row, n) -> new Checkpoint(row.getLong("position"),
            row.getLong("events"), row.getTimestamp("recorded_up_to").toInstant(),
            row.getTimestamp("made_at").toInstant(), row.getLong("forgotten_owners"), row.getString("views_code"),
            row.getString("schema_name"));

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final ResourcePatternResolver resources;
    private volatile String code;

    ViewCheckpoints(JdbcTemplate jdbc, PersonalDataVault vault, ResourcePatternResolver resources) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.resources = resources;
    }

    /** Every checkpoint stored, usable or not, the first position first. */
    public List<Checkpoint> all() {
        return jdbc.query("select * from view_checkpoint order by position", ROW);
    }

    /** A checkpoint as an operator or auditor sees it: why it is not used, if it is not. */
    public record Listed(long position, long events, Instant recordedUpTo, Instant madeAt, boolean usable,
                         String notUsedBecause) {
    }

    /** Every checkpoint stored, the first position first, each with whether it is used and, if not, why. */
    public List<Listed> listed() {
        long forgotten = forgottenOwners();
        return all().stream().map(checkpoint -> {
            Optional<String> why = unusable(checkpoint, forgotten);
            return new Listed(checkpoint.position(), checkpoint.events(), checkpoint.recordedUpTo(),
                    checkpoint.madeAt(), why.isEmpty(), why.orElse(null));
        }).toList();
    }

    /**
     * The newest checkpoint a replay up to {@code instant} can start from — usable, and holding only events recorded
     * by then — held (its row locked) by the current transaction: no maker drops it meanwhile, and no other replay
     * starts from it until this transaction ends, since a replay writes the checkpoint's rows within its
     * transaction before rolling them back, and two at once would wait on each other's rows.
     */
    Optional<Checkpoint> usableAt(Instant instant) {
        List<Checkpoint> candidates = jdbc.query("""
                select * from view_checkpoint where views_code = ? and recorded_up_to <= ?
                order by position desc""", ROW, code(), Timestamp.from(instant));
        long forgotten = forgottenOwners();
        for (Checkpoint candidate : candidates) {
            if (candidate.forgottenOwners() != forgotten) {
                continue;
            }
            boolean held = !jdbc.queryForList("select position from view_checkpoint where position = ? for update",
                    Long.class, candidate.position()).isEmpty();
            if (held && intact(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Drops every checkpoint that is no longer usable; answers the newest one left. */
    Optional<Checkpoint> dropUnusable() {
        long forgotten = forgottenOwners();
        Checkpoint newest = null;
        for (Checkpoint checkpoint : all()) {
            if (unusable(checkpoint, forgotten).isPresent()) {
                drop(checkpoint);
            } else {
                newest = checkpoint;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** Fills the empty copies of {@code tables} in {@code schema} from the checkpoint's. */
    void restore(Checkpoint checkpoint, String schema, List<String> tables) {
        for (String table : tables) {
            jdbc.execute("insert into " + schema + "." + table + " select * from " + checkpoint.schema() + "." + table);
        }
    }

    /**
     * Records as a checkpoint the tables just filled in {@code schema} by a replay up to {@code position}, begun when
     * {@code forgottenOwners} owners were forgotten.
     */
    Checkpoint record(String schema, long position, Instant recordedUpTo, long forgottenOwners) {
        long events = eventsUpTo(position);
        jdbc.update("""
                insert into view_checkpoint
                    (position, events, recorded_up_to, made_at, forgotten_owners, views_code, schema_name)
                values (?, ?, ?, now(), ?, ?, ?)""", position, events, Timestamp.from(recordedUpTo), forgottenOwners,
                code(), schema);
        return jdbc.queryForObject("select * from view_checkpoint where position = ?", ROW, position);
    }

    /** The space the checkpoints' tables take, in bytes. */
    public long storageBytes() {
        Long bytes = jdbc.queryForObject("""
                select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname like ? and c.relkind = 'r'""", Long.class, SCHEMA_PREFIX + "%");
        return bytes == null ? 0 : bytes;
    }

    /**
     * A digest of the code that replays the events into the views — the service's classes — and of the views'
     * tables — the database migrations: a checkpoint made by other code is not today's replay.
     */
    String code() {
        String known = code;
        if (known == null) {
            known = digest();
            code = known;
        }
        return known;
    }

    private String digest() {
        try {
            List<Resource> found = new ArrayList<>();
            found.addAll(List.of(resources.getResources("classpath*:vn/ocop/**/*.class")));
            found.addAll(List.of(resources.getResources("classpath*:db/migration/*.sql")));
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            List<String> entries = new ArrayList<>();
            for (Resource resource : found) {
                String url = resource.getURL().toString();
                int at = Math.max(url.lastIndexOf("vn/ocop/"), url.lastIndexOf("db/migration/"));
                MessageDigest one = MessageDigest.getInstance("SHA-256");
                try (InputStream content = resource.getInputStream()) {
                    one.update(content.readAllBytes());
                }
                entries.add(url.substring(at) + " " + HexFormat.of().formatHex(one.digest()));
            }
            entries.sort(Comparator.naturalOrder());
            entries.forEach(entry -> all.update((entry + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(all.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("the service's classes could not be read for the views' digest", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a checkpoint is not to be used, given how many owners are forgotten now; empty if it is usable. */
    private Optional<String> unusable(Checkpoint checkpoint, long forgotten) {
        if (!code().equals(checkpoint.viewsCode())) {
            return Optional.of("made by other code");
        }
        if (checkpoint.forgottenOwners() != forgotten) {
            return Optional.of("owners' personal data forgotten since it was made");
        }
        if (!intact(checkpoint)) {
            return Optional.of("the events up to its position are no longer those it replayed");
        }
        return Optional.empty();
    }

    /** How many owners are forgotten now: read before a checkpoint's replay opens any owner's data. */
    long forgottenOwners() {
        return vault.forgottenOwners();
    }

    private boolean intact(Checkpoint checkpoint) {
        return eventsUpTo(checkpoint.position()) == checkpoint.events();
    }

    private long eventsUpTo(long position) {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?",
                Long.class, position);
        return events == null ? 0 : events;
    }

    /** Drops every checkpoint; the next maker makes them anew from the first event. */
    public void dropAll() {
        all().forEach(this::drop);
    }

    private void drop(Checkpoint checkpoint) {
        jdbc.update("delete from view_checkpoint where position = ?", checkpoint.position());
        jdbc.execute("drop schema if exists " + checkpoint.schema() + " cascade");
    }
}
