package vn.ocop.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.command.subject.RegisterSubjectCommand;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;

class EventStoreSchemaTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    PersonalDataVault vault;

    @ParameterizedTest(name = "{0}.{1} is bytea")
    @CsvSource({
            "domain_event_entry, payload", "domain_event_entry, meta_data",
            "snapshot_event_entry, payload", "snapshot_event_entry, meta_data",
            "token_entry, token",
            "saga_entry, serialized_saga",
            "dead_letter_entry, payload", "dead_letter_entry, meta_data", "dead_letter_entry, token",
            "dead_letter_entry, diagnostics"})
    void serializedColumnsAreBytea(String table, String column) {
        String type = jdbc.queryForObject("""
                select data_type from information_schema.columns
                where table_schema = current_schema() and table_name = ? and column_name = ?""",
                String.class, table, column);
        assertThat(type).isEqualTo("bytea");
    }

    @Test
    void noColumnIsALargeObjectReference() {
        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and udt_name in ('oid', 'lo')""", String.class);
        assertThat(oidColumns).isEmpty();
    }

    @Test
    void theGlobalIndexSequenceHandsOutOneValueAtATime() {
        Long increment = jdbc.queryForObject("""
                select increment_by from pg_sequences
                where schemaname = current_schema() and sequencename = 'domain_event_entry_global_index_seq'""",
                Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void consecutiveEventsReceiveConsecutiveGlobalIndexes() {
        List<String> subjectIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String location = Http.postJson(url("/api/subjects"),
                    Subjects.registration(Subjects.uniqueRegistrationNumber())).header("Location");
            subjectIds.add(location.substring(location.lastIndexOf('/') + 1));
        }

        assertThat(globalIndexesOf(subjectIds)).isEqualTo(consecutiveFrom(globalIndexesOf(subjectIds).get(0), 5));
    }

    @Test
    void eventsAppendedConcurrentlyStillLeaveNoGapInTheGlobalIndex() throws Exception {
        List<Callable<String>> registrations = IntStream.range(0, 24)
                .mapToObj(i -> (Callable<String>) () -> {
                    String subjectId = UUID.randomUUID().toString();
                    commands.sendAndWait(new RegisterSubjectCommand(subjectId, LegalForm.HOUSEHOLD_BUSINESS,
                            "Hộ kinh doanh Cà phê Đăk Hà", Subjects.uniqueRegistrationNumber(), "23332",
                            new Representative(vault.seal(subjectId, "Y Nhi"), null, null), null, null, null));
                    return subjectId;
                })
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> subjectIds = new ArrayList<>();
        try {
            for (var registered : pool.invokeAll(registrations)) {
                subjectIds.add(registered.get());
            }
        } finally {
            pool.shutdown();
        }

        List<Long> indexes = globalIndexesOf(subjectIds);
        assertThat(indexes).isEqualTo(consecutiveFrom(indexes.get(0), 24));
    }

    @Test
    void storedEventsCannotBeChangedOrDeleted() {
        String location = Http.postJson(url("/api/subjects"),
                Subjects.registration(Subjects.uniqueRegistrationNumber())).header("Location");
        String subjectId = location.substring(location.lastIndexOf('/') + 1);

        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload = payload "
                + "where aggregate_identifier = ?", subjectId))
                .rootCause().hasMessageContaining("stored events are immutable");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?",
                subjectId))
                .rootCause().hasMessageContaining("stored events are immutable");
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .rootCause().hasMessageContaining("stored events are immutable");
        assertThat(globalIndexesOf(List.of(subjectId))).hasSize(1);
    }

    private List<Long> globalIndexesOf(List<String> aggregateIds) {
        return jdbc.queryForList("""
                select global_index from domain_event_entry where aggregate_identifier = any (?)
                order by global_index""", Long.class, (Object) aggregateIds.toArray(String[]::new));
    }

    private static List<Long> consecutiveFrom(long first, int count) {
        return IntStream.range(0, count).mapToObj(i -> first + i).toList();
    }
}
