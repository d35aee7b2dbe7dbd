package vn.ocop.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.ocop.infra.TestDatabase;

/**
 * V26 moves the five views' processors onto one, {@code views}: their tokens where they agree in every segment,
 * otherwise the views emptied (with what they had parked) so that {@code views} replays them from the first event.
 * Run on a database of its own, migrated to V25 first, on the tests' server.
 */
class ViewsTokenMigrationTest {

    private static final List<String> VIEWS = List.of("subjects", "register", "evaluations", "support-ledger",
            "programme-plans");

    private final TestDatabase.Connection server = TestDatabase.get();
    private final String database = "ocop_v26_" + UUID.randomUUID().toString().substring(0, 8);
    private JdbcTemplate admin;
    private JdbcTemplate jdbc;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void aDatabaseAtV25() {
        admin = new JdbcTemplate(new DriverManagerDataSource(server.url(), server.username(), server.password()));
        admin.execute("create database " + database);
        dataSource = new DriverManagerDataSource(urlOf(database), server.username(), server.password());
        jdbc = new JdbcTemplate(dataSource);
        flyway("25").migrate();
    }

    @AfterEach
    void dropIt() {
        admin.execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void tokensThatAgreeInEverySegmentBecomeTheViewsProcessorsAndTheViewsStay() {
        for (String view : VIEWS) {
            for (int segment = 0; segment < 4; segment++) {
                token(view, segment, "{\"index\":" + (40 + segment) + ",\"gaps\":[]}");
            }
        }
        token("audit-chain", 0, "{\"index\":12,\"gaps\":[]}");
        subjectRow();

        flyway(null).migrate();

        assertThat(jdbc.queryForList("""
                select convert_from(token, 'UTF8') from token_entry where processor_name = 'views' order by segment""",
                String.class)).containsExactly("{\"index\":40,\"gaps\":[]}", "{\"index\":41,\"gaps\":[]}",
                "{\"index\":42,\"gaps\":[]}", "{\"index\":43,\"gaps\":[]}");
        assertThat(jdbc.queryForList("select distinct processor_name from token_entry", String.class))
                .containsExactlyInAnyOrder("views", "audit-chain");
        assertThat(jdbc.queryForObject("select owner from token_entry where processor_name = 'views' and segment = 0",
                String.class)).as("no node holds the new processor's segments yet").isNull();
        assertThat(jdbc.queryForObject("select count(*) from subject_view", Long.class)).isEqualTo(1);
    }

    @Test
    void tokensThatDisagreeLeaveTheViewsEmptyForTheViewsProcessorToReplayFromTheFirstEvent() {
        for (String view : VIEWS) {
            for (int segment = 0; segment < 4; segment++) {
                token(view, segment, "{\"index\":" + (view.equals("register") && segment == 2 ? 39 : 40)
                        + ",\"gaps\":[]}");
            }
        }
        token("audit-chain", 0, "{\"index\":12,\"gaps\":[]}");
        subjectRow();
        jdbc.update("""
                insert into dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index,
                    message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at, diagnostics)
                values ('d1', 'subjects', 's1', 0, 'EventMessage', 'e1', '2026-12-07T00:00:00Z', 'x', '\\x00'::bytea,
                    now(), null)""");

        flyway(null).migrate();

        assertThat(jdbc.queryForList("select distinct processor_name from token_entry", String.class))
                .containsExactly("audit-chain");
        assertThat(jdbc.queryForObject("select count(*) from subject_view", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class)).isZero();
    }

    @Test
    void aDatabaseWithoutTheFiveProcessorsTokensIsLeftAsItIs() {
        subjectRow();

        flyway(null).migrate();

        assertThat(jdbc.queryForObject("select count(*) from token_entry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from subject_view", Long.class)).isEqualTo(1);
    }

    private void token(String processor, int segment, String json) {
        jdbc.update("""
                insert into token_entry (processor_name, segment, owner, timestamp, token, token_type)
                values (?, ?, 'node-a', '2026-12-07T00:00:00Z', convert_to(?, 'UTF8'),
                    'org.axonframework.eventhandling.GapAwareTrackingToken')""", processor, segment, json);
    }

    private void subjectRow() {
        jdbc.update("""
                insert into subject_view (subject_id, legal_form, name, registration_number, commune_code,
                    registered_at, version, standing, search_text)
                values ('s1', 'COOPERATIVE', 'HTX Măng Đen', '6101000001', '23713', now(), 0, 'ACTIVE',
                    'htx mang den')""");
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    /** The server's URL with another database named. */
    private String urlOf(String name) {
        URI uri = URI.create(server.url().substring("jdbc:".length()));
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
