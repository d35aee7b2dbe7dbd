package vn.ocop.command.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.product.ProductFacts;
import vn.ocop.command.programme.ProgrammeCommands.AdoptProgrammePlanCommand;
import vn.ocop.command.programme.ProgrammeCommands.AmendProgrammePlanCommand;
import vn.ocop.command.programme.ProgrammeCommands.LinkPlannedProductCommand;
import vn.ocop.command.programme.ProgrammeCommands.ListPlannedProductCommand;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductLinked;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductListed;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAdopted;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAmended;
import vn.ocop.events.programme.ProgrammeTargets;

class ProgrammePlanTest {

    private static final Decision DECISION_1392 = new Decision("1392/QĐ-UBND", LocalDate.parse("2018-12-12"),
            "UBND tỉnh Kon Tum", AuthorityLevel.PROVINCE);
    private static final Decision PLAN_908 = new Decision("908/KH-UBND", LocalDate.parse("2021-04-07"),
            "UBND tỉnh Kon Tum", AuthorityLevel.PROVINCE);
    private static final ProgrammeTargets TARGETS_1392 = new ProgrammeTargets(138,
            Map.of("agricultureForestryAquaticMedicinal", 108, "nonAgriculturalDistinctive", 10, "tourism", 14),
            85, 10, 1, 2025, List.of(), null);
    private static final ProgrammeTargets TARGETS_908 = new ProgrammeTargets(138, null, 85, 10, 1, 2025,
            List.of(new ProgrammeTargets.StarTarget(3, 250, 2025)), 10);
    private static final ProgrammePlanAdopted ADOPTED = new ProgrammePlanAdopted("plan-1",
            "Mỗi xã một sản phẩm tỉnh Kon Tum 2018–2030", 2018, 2030, TARGETS_1392, DECISION_1392);

    private AggregateTestFixture<ProgrammePlan> fixture;
    private boolean productExists = true;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProgrammePlan.class);
        fixture.registerInjectableResource(new BusinessCalendar(
                Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC)));
        fixture.registerInjectableResource((ProductFacts) productId -> productExists
                ? Optional.of(new ProductFacts.Fact("s-1", "23374", true, null)) : Optional.empty());
    }

    private static org.hamcrest.Matcher<?> rule(String problemType) {
        return BrokenRule.named(problemType);
    }

    @Test
    void aPlanIsAdoptedWithItsTargets() {
        fixture.givenNoPriorActivity()
                .when(new AdoptProgrammePlanCommand("plan-1", " Mỗi xã một sản phẩm tỉnh Kon Tum 2018–2030 ", 2018,
                        2030, TARGETS_1392, DECISION_1392))
                .expectEvents(ADOPTED);
    }

    @Test
    void aPeriodRunsForward() {
        fixture.givenNoPriorActivity()
                .when(new AdoptProgrammePlanCommand("plan-1", "Kế hoạch", 2030, 2018, TARGETS_1392, DECISION_1392))
                .expectException(rule("invalid-plan-period"));
    }

    @Test
    void anAmendmentRecordsNewTargetsBesideTheEarlierOnes() {
        fixture.given(ADOPTED)
                .when(new AmendProgrammePlanCommand("plan-1", null, 2030, TARGETS_908, PLAN_908))
                .expectEvents(new ProgrammePlanAmended("plan-1", 2030, TARGETS_908, PLAN_908));
    }

    @Test
    void anAmendmentComesAfterTheLatestDecision() {
        fixture.given(ADOPTED, new ProgrammePlanAmended("plan-1", 2030, TARGETS_908, PLAN_908))
                .when(new AmendProgrammePlanCommand("plan-1", null, 2030, TARGETS_1392, new Decision("1/QĐ",
                        LocalDate.parse("2020-01-01"), "UBND tỉnh Kon Tum", AuthorityLevel.PROVINCE)))
                .expectException(rule("amendment-before-adoption"));
    }

    @Test
    void plannedProductsAreListedOnceAndLinkedToTheProductThatRealisesThem() {
        fixture.given(ADOPTED)
                .when(new ListPlannedProductCommand("plan-1", null, "pp-1", " Sâm Ngọc Linh ", "610", "23374", "3"))
                .expectEvents(new PlannedProductListed("plan-1", "pp-1", "Sâm Ngọc Linh", "610", "23374", "3"));
        fixture.given(ADOPTED, new PlannedProductListed("plan-1", "pp-1", "Sâm Ngọc Linh", "610", "23374", "3"))
                .when(new ListPlannedProductCommand("plan-1", null, "pp-1", "Sâm", "610", "23374", "3"))
                .expectException(rule("planned-product-exists"));
        fixture.given(ADOPTED, new PlannedProductListed("plan-1", "pp-1", "Sâm Ngọc Linh", "610", "23374", "3"))
                .when(new LinkPlannedProductCommand("plan-1", null, "pp-1", "p-1"))
                .expectEvents(new PlannedProductLinked("plan-1", "pp-1", "p-1"));
    }

    @Test
    void onlyAListedPlannedProductIsLinkedAndOnlyToARegisteredProductOnce() {
        fixture.given(ADOPTED)
                .when(new LinkPlannedProductCommand("plan-1", null, "pp-9", "p-1"))
                .expectException(rule("unknown-planned-product"));
        fixture.given(ADOPTED, new PlannedProductListed("plan-1", "pp-1", "Sâm", "610", "23374", "3"),
                        new PlannedProductListed("plan-1", "pp-2", "Trà", "610", "23374", "2"),
                        new PlannedProductLinked("plan-1", "pp-1", "p-1"))
                .when(new LinkPlannedProductCommand("plan-1", null, "pp-2", "p-1"))
                .expectException(rule("product-already-linked"));
        productExists = false;
        fixture.given(ADOPTED, new PlannedProductListed("plan-1", "pp-1", "Sâm", "610", "23374", "3"))
                .when(new LinkPlannedProductCommand("plan-1", null, "pp-1", "p-404"))
                .expectException(rule("unknown-product"));
    }
}
