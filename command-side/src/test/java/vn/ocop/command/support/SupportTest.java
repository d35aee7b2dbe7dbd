package vn.ocop.command.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.product.ProductFacts;
import vn.ocop.command.subject.SubjectStandings;
import vn.ocop.command.support.SupportCommands.AllocateBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.AmendBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.CancelSupportGrantCommand;
import vn.ocop.command.support.SupportCommands.CloseBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.CloseSupportGrantCommand;
import vn.ocop.command.support.SupportCommands.DisburseSupportCommand;
import vn.ocop.command.support.SupportCommands.GrantSupportCommand;
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

class SupportTest {

    private static final String LINE = "line-1";
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final Decision ALLOCATION = new Decision("15/QĐ-UBND", LocalDate.parse("2026-01-15"),
            "UBND tỉnh Kon Tum", AuthorityLevel.PROVINCE);
    private static final Decision GRANTING = new Decision("120/QĐ-SNN", LocalDate.parse("2026-04-01"),
            "Sở Nông nghiệp", AuthorityLevel.PROVINCE);

    private final BusinessCalendar calendar = new BusinessCalendar(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Standings subjects = new Standings();
    private final Products products = new Products();
    private final Ledger ledger = new Ledger();
    private final List<Object[]> releases = new ArrayList<>();

    private static SupportDisbursed disbursed(String id, long amount) {
        return new SupportDisbursed("g-1", id, amount, LocalDate.parse("2026-06-01"), "PC-01", "BB-01");
    }

    private static SupportGranted granted(long amount) {
        return new SupportGranted("g-1", LINE, "s-1", null, SupportKind.TRAINING, amount, 50,
                FundingSource.PROVINCIAL_BUDGET, 2026, "23374", null, GRANTING);
    }

    private static BudgetLineAllocated allocated(long amount) {
        return new BudgetLineAllocated(LINE, "62", FundingSource.PROVINCIAL_BUDGET, 2026, amount, ALLOCATION);
    }

    private static GrantSupportCommand grant(String grantId, String subjectId, String productId, SupportKind kind,
                                             long amount) {
        return new GrantSupportCommand(LINE, grantId, subjectId, productId, kind, amount, 50, 2026, GRANTING);
    }

    private static org.hamcrest.Matcher<?> rule(String problemType) {
        return BrokenRule.named(problemType);
    }

    @Nested
    class BudgetLines {

        private AggregateTestFixture<BudgetLine> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(BudgetLine.class);
            fixture.registerInjectableResource(calendar);
            fixture.registerInjectableResource((BudgetLineKeys) (province, source, year, id) -> { });
            fixture.registerInjectableResource(SupportPolicies.bundled());
            fixture.registerInjectableResource(subjects);
            fixture.registerInjectableResource(products);
            fixture.registerInjectableResource(ledger);
            subjects.active("s-1", "23374");
        }

        @Test
        void aBudgetLineIsAllocatedByDecision() {
            fixture.givenNoPriorActivity()
                    .when(new AllocateBudgetLineCommand(LINE, "62", FundingSource.PROVINCIAL_BUDGET, 2026,
                            500_000_000L, ALLOCATION))
                    .expectEvents(allocated(500_000_000L));
        }

        @Test
        void anAllocationIsAPositiveAmount() {
            fixture.givenNoPriorActivity()
                    .when(new AllocateBudgetLineCommand(LINE, "62", FundingSource.PROVINCIAL_BUDGET, 2026, 0,
                            ALLOCATION))
                    .expectException(rule("invalid-amount"));
        }

        @Test
        void aGrantCommitsMoneyAndCreatesTheGrant() {
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", null, SupportKind.TRAINING, 40_000_000L))
                    .expectEvents(new SupportCommitted(LINE, "g-1", 40_000_000L), granted(40_000_000L));
        }

        @Test
        void aGrantThatFitsExactlyIsMadeAndOneDongMoreIsOverspending() {
            fixture.given(allocated(100_000_000L), new SupportCommitted(LINE, "g-0", 60_000_000L))
                    .when(grant("g-1", "s-1", null, SupportKind.TRAINING, 40_000_001L))
                    .expectException(rule("budget-line-overspent"))
                    .expectNoEvents();
            fixture.given(allocated(100_000_000L), new SupportCommitted(LINE, "g-0", 60_000_000L))
                    .when(grant("g-1", "s-1", null, SupportKind.TRAINING, 40_000_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void releasedMoneyCanBeGrantedAgain() {
            fixture.given(allocated(100_000_000L), new SupportCommitted(LINE, "g-0", 100_000_000L),
                            new CommitmentReleased(LINE, "g-0", 30_000_000L))
                    .when(grant("g-1", "s-1", null, SupportKind.TRAINING, 30_000_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anAmendmentCannotGoBelowWhatIsCommitted() {
            fixture.given(allocated(100_000_000L), new SupportCommitted(LINE, "g-0", 60_000_000L))
                    .when(new AmendBudgetLineCommand(LINE, null, 59_999_999L, ALLOCATION))
                    .expectException(rule("amendment-below-committed"));
            fixture.given(allocated(100_000_000L), new SupportCommitted(LINE, "g-0", 60_000_000L))
                    .when(new AmendBudgetLineCommand(LINE, null, 60_000_000L, ALLOCATION))
                    .expectEvents(new BudgetLineAmended(LINE, 100_000_000L, 60_000_000L, ALLOCATION));
        }

        @Test
        void aClosedLineGrantsNothing() {
            fixture.given(allocated(100_000_000L), new BudgetLineClosed(LINE, LocalDate.parse("2026-11-01")))
                    .when(grant("g-1", "s-1", null, SupportKind.TRAINING, 1_000_000L))
                    .expectException(rule("budget-line-closed"));
        }

        @Test
        void aGrantBelongsToTheLinesFiscalYear() {
            fixture.given(allocated(100_000_000L))
                    .when(new GrantSupportCommand(LINE, "g-1", "s-1", null, SupportKind.TRAINING, 1_000_000L, 50,
                            2025, GRANTING))
                    .expectException(rule("fiscal-year-mismatch"));
        }

        @Test
        void closingTheYearIsRecorded() {
            fixture.given(allocated(100_000_000L))
                    .when(new CloseBudgetLineCommand(LINE, null, LocalDate.parse("2026-11-01")))
                    .expectEvents(new BudgetLineClosed(LINE, LocalDate.parse("2026-11-01")));
        }

        @Test
        void anUnknownSubjectGetsNothing() {
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-9", null, SupportKind.TRAINING, 1_000_000L))
                    .expectException(rule("unknown-subject"));
        }

        @Test
        void aDissolvedSubjectGetsNothing() {
            subjects.byId.put("s-1", new SubjectStandings.SubjectStanding(SubjectStandings.Standing.DISSOLVED,
                    "23374"));
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", null, SupportKind.TRAINING, 1_000_000L))
                    .expectException(rule("support-policy-violated"))
                    .expectNoEvents();
        }

        @Test
        void productBoundSupportNeedsAProductOfTheSubject() {
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", null, SupportKind.PACKAGING_LABEL_STORY, 1_000_000L))
                    .expectException(rule("support-policy-violated"));
            products.byId.put("p-9", new ProductFacts.Fact("s-2", "23374", true, "c-9"));
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-9", SupportKind.PACKAGING_LABEL_STORY, 1_000_000L))
                    .expectException(rule("product-not-of-subject"));
        }

        @Test
        void packagingIsPaidOncePerRecognition() {
            products.byId.put("p-1", new ProductFacts.Fact("s-1", "23374", true, "c-1"));
            ledger.entries.add(new SupportLedger.Entry("g-0", "s-1", "p-1", "23374",
                    SupportKind.PACKAGING_LABEL_STORY, 2025, "c-1", 10_000_000L));
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-1", SupportKind.PACKAGING_LABEL_STORY, 5_000_000L))
                    .expectException(rule("support-policy-violated"));
        }

        @Test
        void packagingUpToThirtyMillionPerSubjectAndYearIsGrantedAndOneDongMoreIsNot() {
            products.byId.put("p-1", new ProductFacts.Fact("s-1", "23374", true, "c-1"));
            products.byId.put("p-2", new ProductFacts.Fact("s-1", "23374", true, "c-2"));
            ledger.entries.add(new SupportLedger.Entry("g-0", "s-1", "p-2", "23374",
                    SupportKind.PACKAGING_LABEL_STORY, 2026, "c-2", 20_000_000L));
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-1", SupportKind.PACKAGING_LABEL_STORY, 10_000_001L))
                    .expectException(rule("support-policy-violated"));
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-1", SupportKind.PACKAGING_LABEL_STORY, 10_000_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCommuneHasAtMostThreeProductsSupportedAYear() {
            products.byId.put("p-4", new ProductFacts.Fact("s-1", "23374", true, null));
            for (String product : List.of("p-1", "p-2", "p-3")) {
                ledger.entries.add(new SupportLedger.Entry("g-" + product, "s-other", product, "23374",
                        SupportKind.TRAINING, 2026, null, 1_000_000L));
            }
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-4", SupportKind.TRAINING, 1_000_000L))
                    .expectException(rule("support-policy-violated"));
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-3", SupportKind.TRAINING, 1_000_000L))
                    .expectException(rule("product-not-of-subject"));
        }

        @Test
        void aThirdProductOfTheCommuneIsStillSupported() {
            products.byId.put("p-3", new ProductFacts.Fact("s-1", "23374", true, null));
            for (String product : List.of("p-1", "p-2")) {
                ledger.entries.add(new SupportLedger.Entry("g-" + product, "s-other", product, "23374",
                        SupportKind.TRAINING, 2026, null, 1_000_000L));
            }
            fixture.given(allocated(100_000_000L))
                    .when(grant("g-1", "s-1", "p-3", SupportKind.TRAINING, 1_000_000L))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Grants {

        private AggregateTestFixture<SupportGrant> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(SupportGrant.class);
            fixture.registerInjectableResource(calendar);
            fixture.registerInjectableResource(ledger);
            fixture.registerInjectableResource((CommitmentReleases) (line, grantId, amount) ->
                    releases.add(new Object[] {line, grantId, amount}));
        }

        private DisburseSupportCommand disburse(String id, long amount) {
            return new DisburseSupportCommand("g-1", null, id, amount, LocalDate.parse("2026-06-01"), " PC-01 ",
                    "BB-01");
        }

        @Test
        void aGrantIsPaidInParts() {
            fixture.given(granted(50_000_000L), disbursed("d-1", 20_000_000L))
                    .when(disburse("d-2", 30_000_000L))
                    .expectEvents(disbursed("d-2", 30_000_000L));
        }

        @Test
        void nothingIsPaidBeyondTheGrant() {
            fixture.given(granted(50_000_000L), disbursed("d-1", 20_000_000L))
                    .when(disburse("d-2", 30_000_001L))
                    .expectException(rule("over-disbursement"))
                    .expectNoEvents();
        }

        @Test
        void cancellingReleasesExactlyTheUndisbursedRemainderToTheLine() {
            fixture.given(granted(50_000_000L), disbursed("d-1", 20_000_000L))
                    .when(new CancelSupportGrantCommand("g-1", null, LocalDate.parse("2026-09-01"), "dừng dự án"))
                    .expectEvents(new SupportGrantCancelled("g-1", 30_000_000L, LocalDate.parse("2026-09-01"),
                            "dừng dự án"));
            org.assertj.core.api.Assertions.assertThat(releases)
                    .containsExactly(new Object[] {LINE, "g-1", 30_000_000L});
        }

        @Test
        void aCancelledGrantPaysNothingMore() {
            fixture.given(granted(50_000_000L),
                            new SupportGrantCancelled("g-1", 50_000_000L, LocalDate.parse("2026-09-01"), "x"))
                    .when(disburse("d-1", 1L))
                    .expectException(rule("grant-not-open"));
        }

        @Test
        void aGrantPaidInFullHasNothingToCancelAndCloses() {
            fixture.given(granted(50_000_000L), disbursed("d-1", 50_000_000L))
                    .when(new CancelSupportGrantCommand("g-1", null, LocalDate.parse("2026-09-01"), "x"))
                    .expectException(rule("nothing-to-cancel"));
            fixture.given(granted(50_000_000L), disbursed("d-1", 50_000_000L))
                    .when(new CloseSupportGrantCommand("g-1", null, LocalDate.parse("2026-09-01")))
                    .expectEvents(new SupportGrantClosed("g-1", LocalDate.parse("2026-09-01")));
        }

        @Test
        void aGrantWithARemainderDoesNotClose() {
            fixture.given(granted(50_000_000L), disbursed("d-1", 49_999_999L))
                    .when(new CloseSupportGrantCommand("g-1", null, LocalDate.parse("2026-09-01")))
                    .expectException(rule("grant-has-remainder"));
        }

        @Test
        void aPaymentCannotPrecedeTheGrant() {
            fixture.given(granted(50_000_000L))
                    .when(new DisburseSupportCommand("g-1", null, "d-1", 1_000L, LocalDate.parse("2026-03-01"),
                            "PC-01", "BB-01"))
                    .expectException(rule("date-before-earlier-step"));
        }
    }

    static final class Standings implements SubjectStandings {
        final Map<String, SubjectStanding> byId = new HashMap<>();

        void active(String subjectId, String communeCode) {
            byId.put(subjectId, new SubjectStanding(Standing.ACTIVE, communeCode));
        }

        @Override
        public void record(String subjectId, Standing standing) {
        }

        @Override
        public void located(String subjectId, String communeCode) {
        }

        @Override
        public boolean mayRegisterProducts(String subjectId) {
            return false;
        }

        @Override
        public Optional<SubjectStanding> find(String subjectId) {
            return Optional.ofNullable(byId.get(subjectId));
        }
    }

    static final class Products implements ProductFacts {
        final Map<String, Fact> byId = new HashMap<>();

        @Override
        public Optional<Fact> of(String productId) {
            return Optional.ofNullable(byId.get(productId));
        }
    }

    /** The ledger's contract over a list. */
    static final class Ledger implements SupportLedger {
        final List<Entry> entries = new ArrayList<>();

        @Override
        public void lockFor(String subjectId, String communeCode, int fiscalYear) {
        }

        @Override
        public void committed(Entry entry) {
            entries.add(entry);
        }

        @Override
        public void released(String grantId, long amount) {
        }

        @Override
        public long grantedToSubject(String subjectId, Collection<SupportKind> kinds, int fiscalYear) {
            return entries.stream().filter(e -> e.subjectId().equals(subjectId) && e.fiscalYear() == fiscalYear
                    && kinds.contains(e.kind())).mapToLong(Entry::amount).sum();
        }

        @Override
        public boolean certificateSupported(Collection<SupportKind> kinds, String certificateId) {
            return entries.stream().anyMatch(e -> certificateId.equals(e.certificateId()) && kinds.contains(e.kind()));
        }

        @Override
        public Set<String> productsSupportedInCommune(String communeCode, int fiscalYear) {
            Set<String> products = new HashSet<>();
            entries.stream().filter(e -> e.communeCode().equals(communeCode) && e.fiscalYear() == fiscalYear
                    && e.productId() != null).forEach(e -> products.add(e.productId()));
            return products;
        }
    }
}
