package vn.ocop.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineAllocated;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineAmended;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineClosed;
import vn.ocop.events.support.BudgetLineEvent.CommitmentReleased;
import vn.ocop.events.support.BudgetLineEvent.SupportCommitted;
import vn.ocop.events.support.FundingSource;
import vn.ocop.events.support.SupportGrantEvent.SupportDisbursed;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantCancelled;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantClosed;
import vn.ocop.events.support.SupportGrantEvent.SupportGranted;
import vn.ocop.events.support.SupportKind;
import vn.ocop.infra.ServiceTest;

/** The support ledger against PostgreSQL: every support event, applied twice, ends where applied once. */
class SupportLedgerProjectionTest extends ServiceTest {

    private static final Decision DECISION = new Decision("1/QĐ", LocalDate.parse("2026-01-15"), "UBND tỉnh",
            AuthorityLevel.PROVINCE);

    @Autowired
    SupportLedgerProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    private final String line = UUID.randomUUID().toString();
    private final String grant = UUID.randomUUID().toString();
    private final String closedGrant = UUID.randomUUID().toString();

    @AfterEach
    void removeRowsOfEventsNeverStored() {
        jdbc.update("delete from support_grant_view where budget_line_id = ?", line);
        jdbc.update("delete from budget_line_view where budget_line_id = ?", line);
    }

    @Test
    void everySupportEventIsCountedOnceWhateverIsReplayed() {
        for (int round = 0; round < 2; round++) {
            projection.on(new BudgetLineAllocated(line, "62", FundingSource.CENTRAL_BUDGET, 2031, 500L, DECISION), 0);
            projection.on(new BudgetLineAmended(line, 500L, 800L, DECISION), 1);
            projection.on(new SupportCommitted(line, grant, 300L), 2);
            projection.on(new SupportCommitted(line, closedGrant, 100L), 3);
            projection.on(new CommitmentReleased(line, grant, 120L), 4);
            projection.on(new BudgetLineClosed(line, LocalDate.parse("2031-12-31")), 5);
            projection.on(granted(grant, 300L), 0);
            projection.on(new SupportDisbursed(grant, "d-1", 100L, LocalDate.parse("2031-03-01"), "PC", "BB"), 1);
            projection.on(new SupportDisbursed(grant, "d-2", 80L, LocalDate.parse("2031-04-01"), "PC", "BB"), 2);
            projection.on(new SupportGrantCancelled(grant, 120L, LocalDate.parse("2031-05-01"), "dừng"), 3);
            projection.on(granted(closedGrant, 100L), 0);
            projection.on(new SupportDisbursed(closedGrant, "d-3", 100L, LocalDate.parse("2031-03-01"), "PC", "BB"),
                    1);
            projection.on(new SupportGrantClosed(closedGrant, LocalDate.parse("2031-06-01")), 2);
        }

        Map<String, Object> lineRow = jdbc.queryForMap("select allocated, committed, closed from budget_line_view "
                + "where budget_line_id = ?", line);
        assertThat(lineRow).containsEntry("allocated", 800L).containsEntry("committed", 280L)
                .containsEntry("closed", true);
        List<Map<String, Object>> grants = jdbc.queryForList("select grant_id, disbursed, released, status "
                + "from support_grant_view where budget_line_id = ? order by amount desc", line);
        assertThat(grants.get(0)).containsEntry("disbursed", 180L).containsEntry("released", 120L)
                .containsEntry("status", "CANCELLED");
        assertThat(grants.get(1)).containsEntry("disbursed", 100L).containsEntry("status", "CLOSED");
    }

    private SupportGranted granted(String grantId, long amount) {
        return new SupportGranted(grantId, line, "s-1", null, SupportKind.TRAINING, amount, 50,
                FundingSource.CENTRAL_BUDGET, 2031, "23374", null, DECISION);
    }
}
