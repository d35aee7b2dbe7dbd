package vn.ocop.query.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.subject.LabourFigures;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;
import vn.ocop.events.subject.SubjectEvent.SubjectDissolved;
import vn.ocop.events.subject.SubjectEvent.SubjectProfileUpdated;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;
import vn.ocop.events.subject.SubjectEvent.SubjectReinstated;
import vn.ocop.events.subject.SubjectEvent.SubjectSuspended;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TallyCheck;

/** The subjects view against PostgreSQL: every subject event, applied twice, ends where applied once. */
class SubjectProjectionTest extends ServiceTest {

    @Autowired
    SubjectProjection projection;

    @Autowired
    PersonalDataVault vault;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final String subject = UUID.randomUUID().toString();

    @AfterEach
    void removeTheRowOfEventsNeverStored() {
        TallyCheck.removeSubject(jdbc, subject);
    }

    @Test
    void everySubjectEventShowsAndReplaysChangeNothing() {
        Instant recorded = Instant.parse("2024-03-01T02:00:00Z");
        Representative first = new Representative(vault.seal(subject, "Y Nhi"), "Chủ nhiệm",
                vault.seal(subject, "0905000111"));
        Representative second = new Representative(vault.seal(subject, "A Dũng"), "Giám đốc", null);
        for (int round = 0; round < 2; round++) {
            projection.on(new SubjectRegistered(subject, LegalForm.COOPERATIVE, "HTX Măng Đen", "6100777001",
                    "23452", first, new LabourFigures(10, 20, 12, 15), List.of("VietGAP"), null), 0, recorded);
            projection.on(new SubjectProfileUpdated(subject, "HTX Nông sản Măng Đen", "23455", second, null, null, null), 1);
            projection.on(new SubjectSuspended(subject, LocalDate.parse("2024-06-01"), "kiểm tra"), 2);
            projection.on(new SubjectReinstated(subject, LocalDate.parse("2024-07-01"), "đã khắc phục"), 3);
        }

        SubjectDetails details = projection.handle(new FindSubjectQuery(subject)).orElseThrow();
        assertThat(details.name()).isEqualTo("HTX Nông sản Măng Đen");
        assertThat(details.communeCode()).isEqualTo("23455");
        assertThat(details.representative().fullName()).isEqualTo("A Dũng");
        assertThat(details.representative().phone()).isNull();
        assertThat(details.standing()).isEqualTo("ACTIVE");
        assertThat(details.version()).isEqualTo(3);

        projection.on(new SubjectDissolved(subject, LocalDate.parse("2025-01-01"), "giải thể"), 4);
        projection.on(new SubjectSuspended(subject, LocalDate.parse("2024-06-01"), "kiểm tra"), 2);

        assertThat(projection.handle(new FindSubjectQuery(subject)).orElseThrow().standing()).isEqualTo("DISSOLVED");
        assertThat(TallyCheck.subjectDifferences(jdbc, "23452")).as("the commune it left").isEmpty();
        assertThat(TallyCheck.subjectDifferences(jdbc, "23455")).as("the commune it moved to").isEmpty();
        assertThat(jdbc.queryForObject("select subjects from subject_tally where commune_code = '23455' "
                + "and legal_form = 'COOPERATIVE' and standing = 'DISSOLVED'", Long.class)).isPositive();
    }

    @Test
    void aBatchHoldsItsRowsBackAndWritesThemAsItCommits() {
        Instant recorded = Instant.parse("2024-03-01T02:00:00Z");
        Representative representative = new Representative(vault.seal(subject, "Y Nhi"), "Chủ nhiệm", null);
        new TransactionTemplate(transactionManager).executeWithoutResult(batch -> {
            projection.on(new SubjectRegistered(subject, LegalForm.HOUSEHOLD_BUSINESS, "Hộ Y Nhi", "6100777002", "23452",
                    representative, new LabourFigures(2, 3, 1, 2), List.of(), null), 0, recorded);
            projection.on(new SubjectProfileUpdated(subject, "Hộ kinh doanh Y Nhi", null, null, null, null, null), 1);
            projection.on(new SubjectSuspended(subject, LocalDate.parse("2024-06-01"), "kiểm tra"), 2);

            assertThat(jdbc.queryForList("select 1 from subject_view where subject_id = ?", subject))
                    .as("held back until the batch commits").isEmpty();
            SubjectDetails seen = projection.handle(new FindSubjectQuery(subject)).orElseThrow();
            assertThat(seen.name()).as("the batch's later events found the row held back")
                    .isEqualTo("Hộ kinh doanh Y Nhi");
            assertThat(seen.standing()).isEqualTo("SUSPENDED");
        });

        assertThat(jdbc.queryForMap("select name, standing, version, search_text, representative_name, registered_at "
                + "from subject_view where subject_id = ?", subject))
                .containsEntry("name", "Hộ kinh doanh Y Nhi").containsEntry("standing", "SUSPENDED")
                .containsEntry("version", 2L).containsEntry("search_text", "ho kinh doanh y nhi 6100777002")
                .containsEntry("representative_name", "Y Nhi");
        assertThat(projection.handle(new FindSubjectQuery(subject)).orElseThrow().registeredAt()).isEqualTo(recorded);
        assertThat(TallyCheck.subjectDifferences(jdbc, "23452")).isEmpty();
    }
}
