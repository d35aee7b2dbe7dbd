package vn.ocop.command.product;

import java.util.Map;
import vn.ocop.command.common.Reach;
import org.axonframework.modelling.command.AggregateNotFoundException;
import static vn.ocop.command.product.ProductHistory.PRODUCT;
import static vn.ocop.command.product.ProductHistory.RULES;
import static vn.ocop.command.product.ProductHistory.UNITS;
import static vn.ocop.command.product.ProductHistory.SUBJECT;
import static vn.ocop.command.product.ProductHistory.approvedProduct;
import static vn.ocop.command.product.ProductHistory.decision;
import static vn.ocop.command.product.ProductHistory.evaluated;
import static vn.ocop.command.product.ProductHistory.forwardedProduct;
import static vn.ocop.command.product.ProductHistory.ideaRegistered;
import static vn.ocop.command.product.ProductHistory.on;
import static vn.ocop.command.product.ProductHistory.recognized;
import static vn.ocop.command.product.ProductHistory.scoring;
import static vn.ocop.command.product.ProductHistory.sheets;
import static vn.ocop.events.common.AuthorityLevel.CENTRAL;
import static vn.ocop.events.common.AuthorityLevel.COMMUNE;
import static vn.ocop.events.common.AuthorityLevel.DISTRICT;
import static vn.ocop.events.common.AuthorityLevel.PROVINCE;
import static vn.ocop.events.product.EvaluationKind.FIRST;
import static vn.ocop.events.product.EvaluationKind.RE_EVALUATION;
import static vn.ocop.events.product.EvaluationKind.UPGRADE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import vn.ocop.command.rulebook.MemberAnswers;
import vn.ocop.reference.SampleAnswers;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.product.ProductCommands.DecideBusinessPlanCommand;
import vn.ocop.command.product.ProductCommands.DecideProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.DesignateKeyProductCommand;
import vn.ocop.command.product.ProductCommands.FileReEvaluationDossierCommand;
import vn.ocop.command.product.ProductCommands.ForwardProductCommand;
import vn.ocop.command.product.ProductCommands.NominateForNationalFiveStarsCommand;
import vn.ocop.command.product.ProductCommands.RecognizeProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.command.product.ProductCommands.RegisterProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.RevokeCertificateCommand;
import vn.ocop.command.product.ProductCommands.SelectForProvincialPromotionCommand;
import vn.ocop.command.product.ProductCommands.SubmitBusinessPlanCommand;
import vn.ocop.command.rulebook.CertificateTerms;
import vn.ocop.command.subject.SubjectStandings;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.Disqualification;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.BusinessPlanApproved;
import vn.ocop.events.product.ProductEvent.BusinessPlanRejected;
import vn.ocop.events.product.ProductEvent.BusinessPlanSubmitted;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductDesignatedKey;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;
import vn.ocop.events.product.ProductEvent.ProductIdeaAccepted;
import vn.ocop.events.product.ProductEvent.ProductIdeaRegistered;
import vn.ocop.events.product.ProductEvent.ProductIdeaReturned;
import vn.ocop.events.product.ProductEvent.ProductNominatedForNationalFiveStars;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ProductReachedProvincialLevel;
import vn.ocop.events.product.ProductEvent.ProductSelectedForProvincialPromotion;
import vn.ocop.events.product.ProductEvent.ProductUpgraded;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;
import vn.ocop.events.product.ProductEvent.RenewalNoticeDue;

class ProductTest {

    /** "Today" for the rule that no step is dated in the future. */
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

    private AggregateTestFixture<Product> fixture;
    private boolean subjectActive = true;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(UNITS);
        fixture.registerInjectableResource(new BusinessCalendar(Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerInjectableResource(new SubjectStandings() {
            @Override
            public void record(String subjectId, Standing standing) {
            }

            @Override
            public void located(String subjectId, String communeCode) {
            }

            @Override
            public boolean mayRegisterProducts(String subjectId) {
                return subjectActive;
            }

            @Override
            public java.util.Optional<SubjectStanding> find(String subjectId) {
                return java.util.Optional.of(new SubjectStanding(
                        subjectActive ? Standing.ACTIVE : Standing.SUSPENDED, "23374"));
            }
        });
    }

    private static org.hamcrest.Matcher<?> rule(String problemType) {
        return BrokenRule.named(problemType);
    }

    private static ProductEvent[] history(List<? extends ProductEvent> base, ProductEvent... more) {
        List<ProductEvent> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(ProductEvent[]::new);
    }

    @Nested
    class IdeaRegistration {

        @Test
        void anIdeaIsRegisteredUnderTheTaxonomyInForce() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, " Sâm Ngọc Linh ", "III", "18", "23374",
                            "Củ sâm tươi", on("2024-03-01")))
                    .expectEvents(ideaRegistered("2024-03-01"));
        }

        @Test
        void theCommuneMustExistOnTheRegistrationDate() {
            // 23281 Phường Quang Trung was absorbed on 2025-07-01 into Phường Kon Tum, which kept 23293
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "III", "18", "23281", null,
                            on("2025-06-30")))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "3", null, "23281", null,
                            on("2025-07-01")))
                    .expectException(rule("commune-not-in-force"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "III", "18", "23293", null,
                            on("2025-07-01")))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "III", "18", "99999", null,
                            on("2024-03-01")))
                    .expectException(rule("commune-not-in-force"))
                    .expectNoEvents();
        }

        @Test
        void aUnitOfAnotherProvinceIsRefusedNamingItsProvince() {
            // 00004 is Phường Ba Đình of Hà Nội from 2025-07-01
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "III", "18", "00004", null,
                            on("2026-03-01")))
                    .expectException(rule("commune-not-in-force"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                            "names Phường Ba Đình of Thành phố Hà Nội (province 01), outside the provinces"))
                    .expectNoEvents();
        }

        @Test
        void aSuspendedOrDissolvedSubjectRegistersNoProduct() {
            subjectActive = false;
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "III", null, "23374", null,
                            on("2024-03-01")))
                    .expectException(rule("subject-not-active"))
                    .expectNoEvents();
        }

        @Test
        void aGroupOfAnotherTaxonomyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "3", null, "23374", null,
                            on("2024-03-01")))
                    .expectException(rule("unknown-product-group"));
        }

        @Test
        void anIdeaCannotBeRegisteredInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm", "III", null, "23374", null,
                            on("2026-11-29")))
                    .expectException(rule("date-in-future"));
        }
    }

    @Nested
    class IdeaAndPlan {

        @Test
        void anAcceptedIdeaAnswersWithTheNewVersion() {
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2024-03-10"), null))
                    .expectEvents(new ProductIdeaAccepted(PRODUCT, decision(DISTRICT, "2024-03-10")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aReturnedIdeaCarriesItsReasons() {
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, false, decision(COMMUNE, "2024-03-10"),
                            List.of(" thiếu hồ sơ ", "")))
                    .expectEvents(new ProductIdeaReturned(PRODUCT, decision(COMMUNE, "2024-03-10"),
                            List.of("thiếu hồ sơ")));
        }

        @Test
        void anOfficerDecidesOnlyIdeasWithinItsJurisdictionAndAnyOtherIsNotThere() {
            DecideProductIdeaCommand accept = new DecideProductIdeaCommand(PRODUCT, null, true,
                    decision(DISTRICT, "2024-03-10"), null);
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(accept, Map.of(Reach.JURISDICTION, "district:610"))
                    .expectEvents(new ProductIdeaAccepted(PRODUCT, decision(DISTRICT, "2024-03-10")));
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(accept, Map.of(Reach.JURISDICTION, "district:611"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void returningAnIdeaNeedsAReason() {
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, false, decision(COMMUNE, "2024-03-10"),
                            List.of()))
                    .expectException(rule("reasons-required"));
        }

        @Test
        void anIdeaIsDecidedOnce() {
            fixture.given(ideaRegistered("2024-03-01"),
                            new ProductIdeaAccepted(PRODUCT, decision(DISTRICT, "2024-03-10")))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2024-03-11"), null))
                    .expectException(rule("idea-already-decided"));
        }

        @Test
        void aDecisionCannotPrecedeTheRegistration() {
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2024-02-28"), null))
                    .expectException(rule("date-before-earlier-step"));
        }

        @Test
        void aDecisionCannotBeInTheFuture() {
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(PROVINCE, "2027-01-01"), null))
                    .expectException(rule("date-in-future"));
        }

        @Test
        void aDistrictDecidesNothingOnceTheDistrictLevelIsAbolished() {
            fixture.given(ideaRegistered("2025-06-20"))
                    .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2025-07-01"), null))
                    .expectException(rule("authority-level-abolished"));
        }

        @Test
        void aPlanNeedsAnAcceptedIdea() {
            fixture.given(ideaRegistered("2024-03-01"))
                    .when(new SubmitBusinessPlanCommand(PRODUCT, null, on("2024-04-01"), "Phương án", null))
                    .expectException(rule("plan-needs-accepted-idea"));
            fixture.given(ideaRegistered("2024-03-01"), new ProductIdeaReturned(PRODUCT,
                            decision(COMMUNE, "2024-03-10"), List.of("trùng lặp")))
                    .when(new SubmitBusinessPlanCommand(PRODUCT, null, on("2024-04-01"), "Phương án", null))
                    .expectException(rule("plan-needs-accepted-idea"));
        }

        @Test
        void aRejectedPlanMayBeSubmittedAgainAndApproved() {
            List<ProductEvent> rejected = List.of(ideaRegistered("2024-03-01"),
                    new ProductIdeaAccepted(PRODUCT, decision(DISTRICT, "2024-03-10")),
                    new BusinessPlanSubmitted(PRODUCT, on("2024-04-01"), "Phương án", null),
                    new BusinessPlanRejected(PRODUCT, decision(DISTRICT, "2024-04-20"), List.of("thiếu vốn")));
            fixture.given(history(rejected))
                    .when(new SubmitBusinessPlanCommand(PRODUCT, null, on("2024-05-01"), "Phương án 2", null))
                    .expectEvents(new BusinessPlanSubmitted(PRODUCT, on("2024-05-01"), "Phương án 2", null));
            fixture.given(history(rejected,
                            new BusinessPlanSubmitted(PRODUCT, on("2024-05-01"), "Phương án 2", null)))
                    .when(new DecideBusinessPlanCommand(PRODUCT, null, true, decision(DISTRICT, "2024-05-15"), null))
                    .expectEvents(new BusinessPlanApproved(PRODUCT, decision(DISTRICT, "2024-05-15")));
        }

        @Test
        void onlyASubmittedPlanIsDecided() {
            fixture.given(ideaRegistered("2024-03-01"),
                            new ProductIdeaAccepted(PRODUCT, decision(DISTRICT, "2024-03-10")))
                    .when(new DecideBusinessPlanCommand(PRODUCT, null, true, decision(DISTRICT, "2024-05-15"), null))
                    .expectException(rule("no-plan-to-decide"));
        }
    }

    @Nested
    class Evaluation {

        private RecordEvaluationCommand evaluate(String id, EvaluationKind kind, AuthorityLevel level, String date,
                                                 List<MemberScore> scores, int minimums,
                                                 Disqualification disqualification) {
            return new RecordEvaluationCommand(PRODUCT, null, id, kind, level, "2024-1", on(date), on(date), scores,
                    minimums, disqualification, "62-23374-001-2024", null);
        }

        @Test
        void aProductWhosePlanWasNeverApprovedIsNotEvaluated() {
            fixture.given(ideaRegistered("2024-01-10"),
                            new ProductIdeaAccepted(PRODUCT, decision(DISTRICT, "2024-01-20")))
                    .when(evaluate("e-1", FIRST, DISTRICT, "2024-06-01", scoring("60"), 5, null))
                    .expectException(rule("evaluation-needs-approved-plan"))
                    .expectNoEvents();
        }

        @Test
        void theEvaluationRecordsScoreBandAndRatingUnderTheSetInForce() {
            List<MemberScore> members = List.of(
                    new MemberScore(new BigDecimal("35"), new BigDecimal("20"), new BigDecimal("25")),
                    new MemberScore(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("20")));
            fixture.given(history(forwardedProduct("2024-01-10")))
                    .when(evaluate("e-1", FIRST, PROVINCE, "2024-06-01", members, 3, null))
                    .expectEvents(new ProductEvaluated(PRODUCT, "e-1", FIRST, PROVINCE, "2024-1", on("2024-06-01"),
                            on("2024-06-01"), "QD148", members, new BigDecimal("75.00"), 4, 3, 3, null,
                            "62-23374-001-2024"));
        }

        @Test
        void aDisqualifiedDossierIsRecordedWithoutRating() {
            fixture.given(history(forwardedProduct("2024-01-10")))
                    .when(new RecordEvaluationCommand(PRODUCT, null, "e-1", FIRST, PROVINCE, "2024-1", on("2024-06-01"),
                            null, scoring("80"), 4, Disqualification.FORGED_DOCUMENTS, " giấy kiểm nghiệm giả ",
                            null, null, null, null))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate((ProductEvaluated event) -> event.stars() == null
                                    && "FORGED_DOCUMENTS".equals(event.disqualification())
                                    && "giấy kiểm nghiệm giả".equals(event.disqualificationNote())),
                            Matchers.andNoMore())));
        }

        @Test
        void aDossierFiledBeforeDecision26Of2026KeepsDecision148WithinTheTransition() {
            fixture.given(history(approvedProduct("2025-10-01")))
                    .when(new RecordEvaluationCommand(PRODUCT, null, "e-1", FIRST, PROVINCE, "2026-1",
                            on("2026-06-10"), on("2026-05-01"), scoring("75"), 5, null, null, null))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate((ProductEvaluated event) -> event.criteriaSetCode().equals("QD148")),
                            Matchers.andNoMore())));
        }

        @Test
        void aPartAboveItsMaximumIsRefused() {
            List<MemberScore> partA38 = List.of(
                    new MemberScore(new BigDecimal("38"), new BigDecimal("20"), new BigDecimal("20")));
            fixture.given(history(forwardedProduct("2021-01-10")))
                    .when(evaluate("e-1", FIRST, PROVINCE, "2021-06-01", partA38, 5, null))
                    .expectException(rule("part-score-above-maximum"));
            fixture.given(history(forwardedProduct("2024-01-10")))
                    .when(evaluate("e-1", FIRST, PROVINCE, "2024-06-01", partA38, 5, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void underDecision26Of2026TheMembersSheetsGiveThePartTotalsAndTheRating() {
            fixture.given(history(approvedProduct("2026-01-10")))
                    .when(RecordEvaluationCommand.withSheets(PRODUCT, null, "e-1", FIRST, PROVINCE, "2026-1",
                            on("2026-06-01"), null, null, sheets(100)))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate((ProductEvaluated event) -> event.memberSheets() != null
                                    && event.criteriaSetCode().equals("QD26_2026")
                                    && event.productSetCode().equals("18")
                                    && event.memberSheets().size() == 3
                                    && event.memberScores().get(0).partA().intValue() == 40
                                    && event.score().compareTo(new BigDecimal("100.00")) == 0
                                    && event.minimumsMetUpTo() == 5 && event.minimumsNotMet().isEmpty()
                                    && event.stars() == 5),
                            Matchers.andNoMore())));
        }

        @Test
        void oneChangedAnswerChangesTheRating() {
            Map<String, Integer> answers = new HashMap<>(SampleAnswers.of("18").totalling(80, 5));
            List<MemberAnswers> met = List.of(new MemberAnswers("1", answers), new MemberAnswers("2", answers));
            Map<String, Integer> changed = new HashMap<>(answers);
            changed.put("2.2", 0);
            List<MemberAnswers> missed = List.of(new MemberAnswers("1", changed), new MemberAnswers("2", changed));
            fixture.given(history(approvedProduct("2026-01-10")))
                    .when(RecordEvaluationCommand.withSheets(PRODUCT, null, "e-1", FIRST, PROVINCE, "2026-1",
                            on("2026-06-01"), null, null, met))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate((ProductEvaluated event) -> event.stars() == 4),
                            Matchers.andNoMore())));
            fixture.given(history(approvedProduct("2026-01-10")))
                    .when(RecordEvaluationCommand.withSheets(PRODUCT, null, "e-1", FIRST, PROVINCE, "2026-1",
                            on("2026-06-01"), null, null, missed))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate((ProductEvaluated event) -> event.stars() == 2
                                    && event.minimumsNotMet().get(0).criterion().equals("2.2")),
                            Matchers.andNoMore())));
        }

        @Test
        void underDecision26Of2026PartTotalsAreRefused() {
            fixture.given(history(approvedProduct("2026-01-10")))
                    .when(evaluate("e-1", FIRST, PROVINCE, "2026-06-01", scoring("80"), 5, null))
                    .expectException(rule("sheets-required"))
                    .expectNoEvents();
        }

        @Test
        void aMeanOf8999IsFourStars() {
            List<MemberScore> members = List.of(
                    new MemberScore(new BigDecimal("39.98"), new BigDecimal("25"), new BigDecimal("25")),
                    new MemberScore(new BigDecimal("40"), new BigDecimal("25"), new BigDecimal("25")));
            fixture.given(history(forwardedProduct("2024-01-10")))
                    .when(evaluate("e-1", FIRST, PROVINCE, "2024-06-01", members, 5, null))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate((ProductEvaluated event) -> event.stars() == 4
                                    && event.score().compareTo(new BigDecimal("89.99")) == 0),
                            Matchers.andNoMore())));
        }

        @Test
        void noDistrictCouncilSitsOnceTheDistrictLevelIsAbolished() {
            fixture.given(history(approvedProduct("2025-01-10")))
                    .when(evaluate("e-1", FIRST, DISTRICT, "2025-08-01", scoring("60"), 5, null))
                    .expectException(rule("authority-level-abolished"));
        }

        @Test
        void communesDoNotScore() {
            fixture.given(history(approvedProduct("2025-01-10")))
                    .when(evaluate("e-1", FIRST, COMMUNE, "2025-08-01", scoring("60"), 5, null))
                    .expectException(rule("wrong-authority-level"));
        }

        @Test
        void anEvaluationIsRecordedOnce() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-06-01", "75", 4)))
                    .when(evaluate("e-1", FIRST, PROVINCE, "2024-06-02", scoring("75"), 5, null))
                    .expectException(rule("evaluation-already-recorded"));
        }

        @Test
        void anUpgradeEvaluationNeedsAValidCertificate() {
            fixture.given(history(approvedProduct("2024-01-10")))
                    .when(evaluate("e-1", UPGRADE, PROVINCE, "2024-06-01", scoring("75"), 5, null))
                    .expectException(rule("no-certificate-in-force"));
        }

        @Test
        void aFirstEvaluationIsNotForAProductWithACertificateInForce() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-06-01", "75", 4),
                            recognized("c-1", 4, PROVINCE, "2024-06-20", "e-1")))
                    .when(evaluate("e-2", FIRST, PROVINCE, "2024-09-01", scoring("80"), 5, null))
                    .expectException(rule("certificate-in-force"));
        }
    }

    @Nested
    class ForwardingAndNomination {

        @Test
        void aDistrictForwardsSeventyPointsToTheProvinceUnder148() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "70", 4)))
                    .when(new ForwardProductCommand(PRODUCT, null, "e-1", PROVINCE, on("2024-05-05")))
                    .expectEvents(new ProductForwarded(PRODUCT, "e-1", DISTRICT, PROVINCE, on("2024-05-05")));
        }

        @Test
        void belowTheThresholdNothingIsForwarded() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "69.99", 3)))
                    .when(new ForwardProductCommand(PRODUCT, null, "e-1", PROVINCE, on("2024-05-05")))
                    .expectException(rule("forwarding-threshold-not-met"));
        }

        @Test
        void theProvinceNominatesNinetyPointsForNationalFiveStars() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "90", 5)))
                    .when(new NominateForNationalFiveStarsCommand(PRODUCT, null, "e-1",
                            decision(PROVINCE, "2024-05-10")))
                    .expectEvents(new ProductNominatedForNationalFiveStars(PRODUCT, "e-1",
                            decision(PROVINCE, "2024-05-10")));
        }

        @Test
        void underNinetyPointsNoNomination() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "89.99", 4)))
                    .when(new NominateForNationalFiveStarsCommand(PRODUCT, null, "e-1",
                            decision(PROVINCE, "2024-05-10")))
                    .expectException(rule("nomination-threshold-not-met"));
        }

        @Test
        void aDisqualifiedEvaluationIsNotForwarded() {
            ProductEvaluated disqualified = new ProductEvaluated(PRODUCT, "e-1", FIRST, DISTRICT, "1",
                    on("2024-05-01"), null, "QD148", scoring("80"), new BigDecimal("80.00"), 4, 4, null, "forged",
                    null);
            fixture.given(history(approvedProduct("2024-01-10"), disqualified))
                    .when(new ForwardProductCommand(PRODUCT, null, "e-1", PROVINCE, on("2024-05-05")))
                    .expectException(rule("evaluation-disqualified"));
        }
    }

    @Nested
    class Recognition {

        private RecognizeProductCommand recognise(String evaluationId, int stars, AuthorityLevel level, String date) {
            return new RecognizeProductCommand(PRODUCT, null, "c-1", evaluationId, stars, decision(level, date));
        }

        @Test
        void recognisingAProductWithNoEvaluationIsRefused() {
            fixture.given(history(approvedProduct("2024-01-10")))
                    .when(recognise("e-1", 4, PROVINCE, "2024-06-20"))
                    .expectException(rule("unknown-evaluation"))
                    .expectNoEvents();
        }

        @Test
        void aDistrictRecognisesThreeStarsIn2024WithACertificateOfThirtySixMonths() {
            CertificateTerms terms = RULES.certificateTerms(on("2024-05-10"));
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "60", 3)))
                    .when(recognise("e-1", 3, DISTRICT, "2024-05-10"))
                    .expectEvents(recognized("c-1", 3, DISTRICT, "2024-05-10", "e-1"))
                    .expectScheduledDeadlineWithName(Instant.parse("2027-05-09T17:00:00Z"), CertificateDeadline.EXPIRY);
            org.assertj.core.api.Assertions.assertThat(terms.expiresOn()).isEqualTo(on("2027-05-10"));
        }

        /** domain.md §3's table, through the aggregate: each recognition rests on its own level's evaluation. */
        @ParameterizedTest(name = "{0}: {1}★ recognised by {2} → accepted {3}")
        @CsvSource({
                "2022-05-10, 3, DISTRICT, false", "2022-05-10, 3, PROVINCE, true", "2022-05-10, 4, PROVINCE, true",
                "2022-05-10, 5, CENTRAL, true", "2022-05-10, 5, PROVINCE, false",
                "2024-05-10, 3, DISTRICT, true", "2024-05-10, 3, PROVINCE, false", "2024-05-10, 4, DISTRICT, false",
                "2024-05-10, 4, PROVINCE, true", "2024-05-10, 5, CENTRAL, true",
                "2025-08-01, 3, DISTRICT, false", "2025-08-01, 3, PROVINCE, true", "2025-08-01, 4, PROVINCE, true",
                "2025-08-01, 5, CENTRAL, true",
                "2026-06-01, 3, DISTRICT, false", "2026-06-01, 3, PROVINCE, true", "2026-06-01, 4, PROVINCE, true",
                "2026-06-01, 5, CENTRAL, true", "2026-06-01, 5, PROVINCE, false"})
        void recognitionFollowsTheAuthorityTableOfItsDate(String date, int stars, AuthorityLevel level,
                                                         boolean accepted) {
            String evaluatedOn = on(date).minusDays(9).toString();
            String total = switch (stars) {
                case 3 -> "60";
                case 4 -> "75";
                default -> "92";
            };
            var outcome = fixture.given(history(approvedProduct(on(date).minusMonths(6).toString()),
                            evaluated("e-1", FIRST, level, evaluatedOn, total, stars)))
                    .when(recognise("e-1", stars, level, date));
            if (accepted) {
                outcome.expectSuccessfulHandlerExecution()
                        .expectEvents(recognized("c-1", stars, level, date, "e-1"));
            } else {
                outcome.expectException(DomainRuleViolation.class).expectNoEvents();
            }
        }

        @Test
        void aDistrictCannotRecogniseFourStars() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "75", 4)))
                    .when(recognise("e-1", 4, DISTRICT, "2024-05-10"))
                    .expectException(rule("recognition-authority-mismatch"));
        }

        @Test
        void aDistrictRecognitionAfterTheAbolitionIsRefusedForTheAbolishedLevel() {
            fixture.given(history(approvedProduct("2025-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2025-08-01", "60", 3)))
                    .when(recognise("e-1", 3, DISTRICT, "2025-08-10"))
                    .expectException(rule("authority-level-abolished"));
        }

        @Test
        void aDistrictCouncilsResultDoesNotGroundAProvincialRecognition() {
            fixture.given(history(approvedProduct("2022-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2022-05-01", "60", 3)))
                    .when(recognise("e-1", 3, PROVINCE, "2022-05-10"))
                    .expectException(rule("wrong-authority-level"));
        }

        @Test
        void in2022ADistrictRecognisesNothing() {
            fixture.given(history(approvedProduct("2022-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2022-05-01", "60", 3)))
                    .when(recognise("e-1", 3, DISTRICT, "2022-05-10"))
                    .expectException(rule("recognition-authority-mismatch"));
        }

        @Test
        void theStarsAreTheEvaluationsRating() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "75", 4)))
                    .when(recognise("e-1", 5, PROVINCE, "2024-05-10"))
                    .expectException(rule("stars-differ-from-evaluation"));
        }

        @Test
        void twoStarsGetNoCertificate() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "45", 2)))
                    .when(recognise("e-1", 2, PROVINCE, "2024-05-10"))
                    .expectException(rule("not-recognisable"));
        }

        @Test
        void aRecognitionCannotPrecedeItsEvaluation() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "75", 4)))
                    .when(recognise("e-1", 4, PROVINCE, "2024-04-30"))
                    .expectException(rule("date-before-earlier-step"));
        }

        @Test
        void theProvinceRecognisesFourStarsOnACentralResultUnderNinety() {
            fixture.given(history(approvedProduct("2026-06-01"),
                            evaluated("e-1", FIRST, CENTRAL, "2026-09-30", "88", 4)))
                    .when(recognise("e-1", 4, PROVINCE, "2026-10-10"))
                    .expectEvents(recognized("c-1", 4, PROVINCE, "2026-10-10", "e-1"));
        }

        @Test
        void anEvaluationGroundsOneCertificate() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "75", 4),
                            recognized("c-1", 4, PROVINCE, "2024-05-10", "e-1"),
                            new CertificateRevoked(PRODUCT, "c-1", "PRODUCTION_STOPPED",
                                    decision(PROVINCE, "2024-08-01"), on("2024-07-25"))))
                    .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-1", 4,
                            decision(PROVINCE, "2024-09-01")))
                    .expectException(rule("evaluation-already-used"));
        }

        @Test
        void anUpgradeSupersedesTheCertificate() {
            CertificateTerms terms = RULES.certificateTerms(on("2025-03-01"));
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "60", 3),
                            recognized("c-1", 3, DISTRICT, "2024-05-10", "e-1"),
                            evaluated("e-2", UPGRADE, PROVINCE, "2025-02-20", "78", 4)))
                    .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 4, decision(PROVINCE, "2025-03-01")))
                    .expectEvents(new ProductUpgraded(PRODUCT, "c-2", "c-1", 3, 4, decision(PROVINCE, "2025-03-01"),
                            "e-2", terms.expiresOn(), terms.renewal()));
        }

        @Test
        void anUpgradeNeedsMoreStars() {
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "75", 4),
                            recognized("c-1", 4, PROVINCE, "2024-05-10", "e-1"),
                            evaluated("e-2", UPGRADE, PROVINCE, "2025-02-20", "78", 4)))
                    .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 4, decision(PROVINCE, "2025-03-01")))
                    .expectException(rule("upgrade-needs-more-stars"));
        }

        @Test
        void aReEvaluationReRecognisesTheProduct() {
            CertificateTerms terms = RULES.certificateTerms(on("2025-04-20"));
            fixture.given(history(approvedProduct("2022-01-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2022-05-01", "75", 4),
                            recognized("c-1", 4, PROVINCE, "2022-05-10", "e-1"),
                            evaluated("e-2", RE_EVALUATION, PROVINCE, "2025-04-10", "72", 4)))
                    .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 4, decision(PROVINCE, "2025-04-20")))
                    .expectEvents(new ProductReRecognized(PRODUCT, "c-2", "c-1", 4, decision(PROVINCE, "2025-04-20"),
                            "e-2", terms.expiresOn(), terms.renewal()));
        }

        @Test
        void aProductSelectedForPromotionReachesProvincialLevelAtFourProvincialStars() {
            CertificateTerms terms = RULES.certificateTerms(on("2025-03-01"));
            fixture.given(history(approvedProduct("2024-01-10"),
                            evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "60", 3),
                            recognized("c-1", 3, DISTRICT, "2024-05-10", "e-1"),
                            new ProductSelectedForProvincialPromotion(PRODUCT, decision(PROVINCE, "2024-06-01")),
                            evaluated("e-2", UPGRADE, PROVINCE, "2025-02-20", "78", 4)))
                    .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 4, decision(PROVINCE, "2025-03-01")))
                    .expectEvents(new ProductUpgraded(PRODUCT, "c-2", "c-1", 3, 4, decision(PROVINCE, "2025-03-01"),
                                    "e-2", terms.expiresOn(), terms.renewal()),
                            new ProductReachedProvincialLevel(PRODUCT, "c-2", 4, on("2025-03-01")));
        }
    }

    @Nested
    class Revocation {

        private List<ProductEvent> certified(AuthorityLevel level, String date) {
            List<ProductEvent> events = approvedProduct(on(date).minusMonths(6).toString());
            events.add(evaluated("e-1", FIRST, level, on(date).minusDays(9).toString(),
                    level == DISTRICT ? "60" : "75", level == DISTRICT ? 3 : 4));
            events.add(recognized("c-1", level == DISTRICT ? 3 : 4, level, date, "e-1"));
            return events;
        }

        private RevokeCertificateCommand revoke(AuthorityLevel level, String concluded, String decided) {
            return new RevokeCertificateCommand(PRODUCT, null, "LEGAL_BREACH", on(concluded), decision(level, decided));
        }

        @Test
        void theRecognisingLevelRevokesWithAReason() {
            fixture.given(history(certified(PROVINCE, "2024-05-10")))
                    .when(revoke(PROVINCE, "2024-09-01", "2024-09-10"))
                    .expectEvents(new CertificateRevoked(PRODUCT, "c-1", "LEGAL_BREACH",
                            decision(PROVINCE, "2024-09-10"), on("2024-09-01")));
        }

        @Test
        void anotherLevelCannotRevoke() {
            fixture.given(history(certified(PROVINCE, "2024-05-10")))
                    .when(revoke(CENTRAL, "2024-09-01", "2024-09-10"))
                    .expectException(rule("revocation-authority-mismatch"));
        }

        @Test
        void theProvinceRevokesADistrictCertificateAfterTheDistrictLevelWasAbolished() {
            fixture.given(history(certified(DISTRICT, "2024-05-10")))
                    .when(revoke(PROVINCE, "2025-08-01", "2025-08-05"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anExpiredCertificateIsNotRevoked() {
            fixture.given(history(certified(PROVINCE, "2022-05-10"),
                            new CertificateExpired(PRODUCT, "c-1", on("2025-05-10"))))
                    .when(revoke(PROVINCE, "2025-06-01", "2025-06-05"))
                    .expectException(rule("no-certificate-in-force"));
        }

        @Test
        void aRevokedCertificateIsNotRevokedAgain() {
            fixture.given(history(certified(PROVINCE, "2024-05-10"), new CertificateRevoked(PRODUCT, "c-1",
                            "LEGAL_BREACH", decision(PROVINCE, "2024-09-10"), on("2024-09-01"))))
                    .when(revoke(PROVINCE, "2024-10-01", "2024-10-05"))
                    .expectException(rule("no-certificate-in-force"));
        }

        @Test
        void revocationComesWithinFifteenDaysOfItsConclusion() {
            fixture.given(history(certified(PROVINCE, "2024-05-10")))
                    .when(revoke(PROVINCE, "2024-09-01", "2024-09-17"))
                    .expectException(rule("revocation-too-late"));
        }

        @Test
        void aReasonOutsideTheTableIsRefused() {
            fixture.given(history(certified(PROVINCE, "2024-05-10")))
                    .when(new RevokeCertificateCommand(PRODUCT, null, "UNPOPULAR", on("2024-09-01"),
                            decision(PROVINCE, "2024-09-10")))
                    .expectException(rule("unknown-revocation-reason"));
        }
    }

    @Nested
    class CertificateTime {

        private final List<Object> certifiedUnder148 = List.of(
                new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm Ngọc Linh", "3", null, "23374", null,
                        on("2022-01-10")),
                new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2022-01-20"), null),
                new SubmitBusinessPlanCommand(PRODUCT, null, on("2022-02-10"), "Phương án", null),
                new DecideBusinessPlanCommand(PRODUCT, null, true, decision(DISTRICT, "2022-03-10"), null),
                new RecordEvaluationCommand(PRODUCT, null, "e-d", FIRST, DISTRICT, "1", on("2022-04-01"), null,
                        scoring("72"), 5, null, null, null),
                new ForwardProductCommand(PRODUCT, null, "e-d", PROVINCE, on("2022-04-10")),
                new RecordEvaluationCommand(PRODUCT, null, "e-1", FIRST, PROVINCE, "1", on("2022-05-01"), null,
                        scoring("75"), 5, null, null, null),
                new RecognizeProductCommand(PRODUCT, null, "c-1", "e-1", 4, decision(PROVINCE, "2022-06-01")));

        @Test
        void under148TheNoticeFallsDueAndThenTheCertificateExpires() {
            fixture.givenCurrentTime(Instant.parse("2022-06-01T00:00:00Z"))
                    .andGivenCommands(certifiedUnder148)
                    .whenTimeAdvancesTo(Instant.parse("2025-06-02T00:00:00Z"))
                    .expectEvents(new RenewalNoticeDue(PRODUCT, "c-1", on("2025-05-02"), on("2025-06-01")),
                            new CertificateExpired(PRODUCT, "c-1", on("2025-06-01")));
        }

        @Test
        void beforeItsExpiryNothingLapses() {
            fixture.givenCurrentTime(Instant.parse("2022-06-01T00:00:00Z"))
                    .andGivenCommands(certifiedUnder148)
                    .whenTimeAdvancesTo(Instant.parse("2025-05-01T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void under26Of2026TheWindowOpensAndClosesAndAFiledDossierDefersExpiry() {
            List<Object> commands = certifiedIn2023();
            // Expires 2026-12-01: window 2026-06-04 to 2026-08-03; filed in it, valid at most to 2027-05-30.
            fixture.givenCurrentTime(Instant.parse("2026-06-05T00:00:00Z"))
                    .andGivenCommands(commands)
                    .andGivenCommands(new FileReEvaluationDossierCommand(PRODUCT, null, on("2026-06-05")))
                    .whenTimeAdvancesTo(Instant.parse("2026-12-02T00:00:00Z"))
                    .expectEvents(new ReEvaluationWindowOpened(PRODUCT, "c-1", on("2026-06-04"), on("2026-08-03")),
                            new ReEvaluationWindowClosed(PRODUCT, "c-1", on("2026-08-03")),
                            new CertificateExpiryDeferred(PRODUCT, "c-1", on("2026-12-01"), on("2027-05-30")));
        }

        @Test
        void aCertificateAwaitingReEvaluationLapsesAtTheEndOfItsGrace() {
            fixture.givenCurrentTime(Instant.parse("2026-06-05T00:00:00Z"))
                    .andGivenCommands(certifiedIn2023())
                    .andGivenCommands(new FileReEvaluationDossierCommand(PRODUCT, null, on("2026-06-05")))
                    .whenTimeAdvancesTo(Instant.parse("2027-06-01T00:00:00Z"))
                    .expectEvents(new ReEvaluationWindowOpened(PRODUCT, "c-1", on("2026-06-04"), on("2026-08-03")),
                            new ReEvaluationWindowClosed(PRODUCT, "c-1", on("2026-08-03")),
                            new CertificateExpiryDeferred(PRODUCT, "c-1", on("2026-12-01"), on("2027-05-30")),
                            new CertificateExpired(PRODUCT, "c-1", on("2027-05-30")));
        }

        @Test
        void withoutADossierTheCertificateLapsesAtExpiry() {
            fixture.givenCurrentTime(Instant.parse("2026-06-05T00:00:00Z"))
                    .andGivenCommands(certifiedIn2023())
                    .whenTimeAdvancesTo(Instant.parse("2026-12-02T00:00:00Z"))
                    .expectEvents(new ReEvaluationWindowOpened(PRODUCT, "c-1", on("2026-06-04"), on("2026-08-03")),
                            new ReEvaluationWindowClosed(PRODUCT, "c-1", on("2026-08-03")),
                            new CertificateExpired(PRODUCT, "c-1", on("2026-12-01")));
        }

        private List<Object> certifiedIn2023() {
            return List.of(
                    new RegisterProductIdeaCommand(PRODUCT, SUBJECT, "Sâm Ngọc Linh", "III", "18", "23374", null,
                            on("2023-06-10")),
                    new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2023-06-20"), null),
                    new SubmitBusinessPlanCommand(PRODUCT, null, on("2023-07-10"), "Phương án", null),
                    new DecideBusinessPlanCommand(PRODUCT, null, true, decision(DISTRICT, "2023-08-10"), null),
                    new RecordEvaluationCommand(PRODUCT, null, "e-d", FIRST, DISTRICT, "1", on("2023-09-01"), null,
                            scoring("72"), 5, null, null, null),
                    new ForwardProductCommand(PRODUCT, null, "e-d", PROVINCE, on("2023-09-10")),
                    new RecordEvaluationCommand(PRODUCT, null, "e-1", FIRST, PROVINCE, "1", on("2023-11-01"), null,
                            scoring("75"), 5, null, null, null),
                    new RecognizeProductCommand(PRODUCT, null, "c-1", "e-1", 4, decision(PROVINCE, "2023-12-01")));
        }

        @Test
        void aDossierOutsideTheWindowIsRefused() {
            fixture.given(history(approvedProduct("2023-06-10"),
                            evaluated("e-1", FIRST, PROVINCE, "2023-11-01", "75", 4),
                            recognized("c-1", 4, PROVINCE, "2023-12-01", "e-1")))
                    .when(new FileReEvaluationDossierCommand(PRODUCT, null, on("2026-05-01")))
                    .expectException(rule("outside-re-evaluation-window"));
        }

        @Test
        void aDeadlineOfASupersededCertificateRecordsNothing() {
            List<Object> upgraded = new ArrayList<>(certifiedUnder148);
            upgraded.add(new RecordEvaluationCommand(PRODUCT, null, "e-2", UPGRADE, CENTRAL, "2", on("2023-01-10"),
                    null, scoring("92"), 5, null, null, null));
            upgraded.add(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 5, decision(CENTRAL, "2023-02-01")));
            // c-1's notice (2025-05-02) and expiry (2025-06-01) come and go; c-2 runs to 2026-02-01 + 36 months.
            fixture.givenCurrentTime(Instant.parse("2022-06-01T00:00:00Z"))
                    .andGivenCommands(upgraded)
                    .whenTimeAdvancesTo(Instant.parse("2025-06-02T00:00:00Z"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Promotion {

        private List<ProductEvent> certified() {
            List<ProductEvent> events = approvedProduct("2024-01-10");
            events.add(evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "60", 3));
            events.add(recognized("c-1", 3, DISTRICT, "2024-05-10", "e-1"));
            return events;
        }

        @Test
        void theProvinceSelectsARecognisedProductForPromotion() {
            fixture.given(history(certified()))
                    .when(new SelectForProvincialPromotionCommand(PRODUCT, null, decision(PROVINCE, "2024-06-01")))
                    .expectEvents(new ProductSelectedForProvincialPromotion(PRODUCT, decision(PROVINCE, "2024-06-01")));
        }

        @Test
        void anUnrecognisedProductIsNotSelected() {
            fixture.given(history(approvedProduct("2024-01-10")))
                    .when(new SelectForProvincialPromotionCommand(PRODUCT, null, decision(PROVINCE, "2024-06-01")))
                    .expectException(rule("no-certificate-in-force"));
        }

        @Test
        void aProductIsSelectedOnce() {
            fixture.given(history(certified(),
                            new ProductSelectedForProvincialPromotion(PRODUCT, decision(PROVINCE, "2024-06-01"))))
                    .when(new SelectForProvincialPromotionCommand(PRODUCT, null, decision(PROVINCE, "2024-07-01")))
                    .expectException(rule("already-selected-or-provincial"));
        }

        @Test
        void theProvinceDesignatesKeyProductsOnce() {
            fixture.given(history(certified()))
                    .when(new DesignateKeyProductCommand(PRODUCT, null, decision(PROVINCE, "2024-06-01")))
                    .expectEvents(new ProductDesignatedKey(PRODUCT, decision(PROVINCE, "2024-06-01")));
            fixture.given(history(certified(), new ProductDesignatedKey(PRODUCT, decision(PROVINCE, "2024-06-01"))))
                    .when(new DesignateKeyProductCommand(PRODUCT, null, decision(PROVINCE, "2024-07-01")))
                    .expectException(rule("already-key-product"));
        }

        @Test
        void aDistrictDoesNotDesignateKeyProducts() {
            fixture.given(history(certified()))
                    .when(new DesignateKeyProductCommand(PRODUCT, null, decision(DISTRICT, "2024-06-01")))
                    .expectException(rule("wrong-authority-level"));
        }
    }
}
