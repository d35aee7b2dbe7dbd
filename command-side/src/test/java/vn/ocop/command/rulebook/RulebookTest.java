package vn.ocop.command.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;

class RulebookTest {

    private static final Rulebook RULES = Rulebook.bundled();

    private static MemberScore member(String a, String b, String c) {
        return new MemberScore(new BigDecimal(a), new BigDecimal(b), new BigDecimal(c));
    }

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    @Nested
    class CriteriaSets {

        @ParameterizedTest(name = "evaluated {0}, filed {1}, {2} → {3}")
        @CsvSource({
                "2018-11-20, 2018-10-01, FIRST, QD1048",
                "2019-08-21, 2019-08-01, FIRST, QD1048",
                "2023-02-23, 2023-01-10, FIRST, QD1048",
                "2023-02-24, 2023-01-10, FIRST, QD148",
                "2026-05-21, 2026-04-01, FIRST, QD148",
                "2026-05-22, 2026-05-22, FIRST, QD26_2026",
                "2026-07-21, 2026-05-01, FIRST, QD148",
                "2026-07-22, 2026-05-01, FIRST, QD26_2026",
                "2026-07-21, 2026-05-01, UPGRADE, QD148",
                "2026-06-21, 2026-05-01, RE_EVALUATION, QD148",
                "2026-06-22, 2026-05-01, RE_EVALUATION, QD26_2026",
                "2026-06-01, , FIRST, QD26_2026"})
        void theSetInForceOnTheEvaluationDateWithTheTransitionOf26Of2026(LocalDate evaluatedOn, LocalDate filedOn,
                                                                         EvaluationKind kind, String expected) {
            assertThat(RULES.criteriaSetFor(evaluatedOn, filedOn, kind).code()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "evaluated {0}, filed {1}, {2}, stated {3} → {4}")
        @CsvSource({
                "2021-05-01, , FIRST, , QD1048",
                "2021-05-01, , FIRST, QD1048, QD1048",
                "2021-05-01, , FIRST, QD148, refused",
                "2024-05-01, , FIRST, QD148, QD148",
                "2024-05-01, , FIRST, QD148_1489, refused",
                "2025-08-01, , FIRST, QD148_1489, QD148_1489",
                "2025-08-01, , FIRST, QD148, refused",
                "2026-05-21, 2026-04-01, FIRST, QD148_1489, QD148_1489",
                "2026-07-21, 2026-05-01, FIRST, QD148_1489, QD148_1489",
                "2026-07-21, 2026-05-01, FIRST, QD148, refused",
                "2026-07-21, 2026-05-01, FIRST, QD26_2026, transition",
                "2026-07-22, 2026-05-01, FIRST, QD148_1489, transition",
                "2026-06-21, 2026-05-01, RE_EVALUATION, QD148_1489, QD148_1489",
                "2026-06-22, 2026-05-01, RE_EVALUATION, QD148_1489, transition",
                "2026-06-10, 2026-05-25, FIRST, QD148_1489, transition",
                "2026-06-10, , FIRST, QD148_1489, transition",
                "2026-06-10, 2026-05-25, FIRST, QD26_2026, QD26_2026"})
        void aStatedDecisionIsTheOneTheDatesAndTheTransitionOf26Of2026Give(LocalDate evaluatedOn, LocalDate filedOn,
                                                                          EvaluationKind kind, String stated,
                                                                          String expected) {
            CriteriaSet set = RULES.criteriaSetFor(evaluatedOn, filedOn, kind);
            if (expected.equals("refused") || expected.equals("transition")) {
                assertThatThrownBy(() -> RULES.scoredUnder(stated, set, evaluatedOn, filedOn, kind))
                        .satisfies(brokenRule("scored-under-not-applicable"))
                        .satisfies(refusal -> assertThat(refusal.getMessage().contains("transition of 26/2026/QĐ-TTg"))
                                .as(refusal.getMessage()).isEqualTo(expected.equals("transition")));
            } else {
                assertThat(RULES.scoredUnder(stated, set, evaluatedOn, filedOn, kind)).isEqualTo(expected);
            }
        }

        @ParameterizedTest(name = "part A = 38 on {0}: accepted {1}")
        @CsvSource({"2021-06-01, false", "2024-06-01, true", "2026-06-01, true"})
        void partAThirtyEightDependsOnTheSet(LocalDate evaluatedOn, boolean accepted) {
            CriteriaSet set = RULES.criteriaSetFor(evaluatedOn, evaluatedOn, EvaluationKind.FIRST);
            List<MemberScore> scores = List.of(member("38", "20", "30"));

            if (accepted) {
                assertThatCode(() -> RULES.assess(set, scores, 5, false)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> RULES.assess(set, scores, 5, false))
                        .isInstanceOf(RuleBroken.class)
                        .satisfies(brokenRule("part-score-above-maximum"));
            }
        }

        @Test
        void partCAboveThirtyFiveIsRejectedUnderDecision148ButNotUnder1048() {
            List<MemberScore> scores = List.of(member("30", "20", "38"));

            assertThatThrownBy(() -> RULES.assess(set("2024-06-01"), scores, 5, false))
                    .satisfies(brokenRule("part-score-above-maximum"));
            assertThatCode(() -> RULES.assess(set("2021-06-01"), scores, 5, false)).doesNotThrowAnyException();
        }

        @Test
        void negativePointsAreRejected() {
            assertThatThrownBy(() -> RULES.assess(set("2024-06-01"), List.of(member("-1", "20", "30")), 5, false))
                    .satisfies(brokenRule("invalid-score"));
        }

        @Test
        void anEvaluationNeedsAtLeastOneMember() {
            assertThatThrownBy(() -> RULES.assess(set("2024-06-01"), List.of(), 5, false))
                    .satisfies(brokenRule("invalid-score"));
        }
    }

    @Nested
    class Stars {

        @ParameterizedTest(name = "members {0} and {1} → mean {2}, band {3}")
        @CsvSource({
                "89.98, 90.00, 89.99, 4",
                "90.00, 90.00, 90.00, 5",
                "70.00, 69.99, 69.99, 3",
                "70.00, 70.00, 70.00, 4",
                "50.00, 49.99, 49.99, 2",
                "50.00, 50.00, 50.00, 3",
                "30.00, 30.00, 30.00, 2",
                "29.99, 29.99, 29.99, 1",
                "89.99, 90.00, 89.99, 4"})
        void scoresFallInHalfOpenBands(String first, String second, String mean, int band) {
            Assessment assessment = RULES.assess(set("2024-06-01"),
                    List.of(asMember(first), asMember(second)), 5, false);

            assertThat(assessment.score()).isEqualByComparingTo(mean);
            assertThat(assessment.scoreBand()).isEqualTo(band);
        }

        @Test
        void aMeanOfSeventyFiveWithOnlyThreeStarMinimumsIsThreeStars() {
            Assessment assessment = RULES.assess(set("2024-06-01"), List.of(member("30", "20", "25")), 3, false);

            assertThat(assessment.scoreBand()).isEqualTo(4);
            assertThat(assessment.stars()).isEqualTo(3);
        }

        @Test
        void minimumsAboveTheBandDoNotRaiseTheRating() {
            assertThat(RULES.assess(set("2024-06-01"), List.of(member("30", "20", "10")), 5, false).stars())
                    .isEqualTo(3);
        }

        @Test
        void aDisqualifiedDossierGetsNoRating() {
            Assessment assessment = RULES.assess(set("2024-06-01"), List.of(member("38", "24", "33")), 5, true);

            assertThat(assessment.isRated()).isFalse();
            assertThat(assessment.scoreBand()).isEqualTo(5);
        }

        @Test
        void theMinimumsLevelIsBetweenTwoAndFive() {
            assertThatThrownBy(() -> RULES.assess(set("2024-06-01"), List.of(member("30", "20", "25")), 6, false))
                    .satisfies(brokenRule("invalid-minimums-level"));
            assertThatThrownBy(() -> RULES.assess(set("2024-06-01"), List.of(member("30", "20", "25")), 1, false))
                    .satisfies(brokenRule("invalid-minimums-level"));
        }

        @Test
        void aMembersTotalAboveHundredIsRejected() {
            // Only reachable if maxima summed above 100; every set sums to 100, so check the guard directly.
            CriteriaSet generous = new CriteriaSet("TEST", "test", 50, 50, 50);
            assertThatThrownBy(() -> RULES.assess(generous, List.of(member("50", "30", "30")), 5, false))
                    .satisfies(brokenRule("total-score-above-100"));
        }

        private MemberScore asMember(String total) {
            BigDecimal points = new BigDecimal(total);
            BigDecimal a = points.min(BigDecimal.valueOf(40));
            BigDecimal b = points.subtract(a).min(BigDecimal.valueOf(25));
            return new MemberScore(a, b, points.subtract(a).subtract(b));
        }
    }

    @Nested
    class Recognition {

        /** domain.md §3: who recognises which stars, by period. */
        @ParameterizedTest(name = "{0}: {1}★ by {2} → {3}")
        @CsvSource({
                "2022-05-10, 3, DISTRICT, false",
                "2022-05-10, 3, PROVINCE, true",
                "2022-05-10, 4, PROVINCE, true",
                "2022-05-10, 5, CENTRAL, true",
                "2022-05-10, 5, PROVINCE, false",
                "2024-05-10, 3, DISTRICT, true",
                "2024-05-10, 3, PROVINCE, false",
                "2024-05-10, 4, DISTRICT, false",
                "2024-05-10, 4, PROVINCE, true",
                "2024-05-10, 5, CENTRAL, true",
                "2025-07-03, 3, DISTRICT, false",
                "2025-08-01, 3, DISTRICT, false",
                "2025-08-01, 3, PROVINCE, true",
                "2025-08-01, 4, PROVINCE, true",
                "2025-08-01, 5, CENTRAL, true",
                "2026-06-01, 3, DISTRICT, false",
                "2026-06-01, 3, PROVINCE, true",
                "2026-06-01, 4, PROVINCE, true",
                "2026-06-01, 5, CENTRAL, true",
                "2026-06-01, 5, PROVINCE, false"})
        void onlyTheCompetentLevelRecognises(LocalDate decidedOn, int stars, AuthorityLevel level, boolean allowed) {
            if (allowed) {
                assertThatCode(() -> RULES.checkRecognition(stars, level, decidedOn)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> RULES.checkRecognition(stars, level, decidedOn))
                        .isInstanceOf(RuleBroken.class);
            }
        }

        @ParameterizedTest(name = "{0}★ is not recognised")
        @CsvSource({"1", "2"})
        void belowThreeStarsThereIsNoCertificate(int stars) {
            assertThatThrownBy(() -> RULES.checkRecognition(stars, AuthorityLevel.PROVINCE, on("2024-05-10")))
                    .satisfies(brokenRule("not-recognisable"));
        }
    }

    @Nested
    class Forwarding {

        @ParameterizedTest(name = "{0} → {1} on {2} with {3}: {4}")
        @CsvSource({
                "DISTRICT, PROVINCE, 2021-06-01, 50.00, true",
                "DISTRICT, PROVINCE, 2021-06-01, 49.99, false",
                "DISTRICT, PROVINCE, 2024-06-01, 69.99, false",
                "DISTRICT, PROVINCE, 2024-06-01, 70.00, true",
                "DISTRICT, PROVINCE, 2025-08-01, 95.00, false",
                "PROVINCE, CENTRAL, 2024-06-01, 89.99, false",
                "PROVINCE, CENTRAL, 2024-06-01, 90.00, true",
                "PROVINCE, CENTRAL, 2026-06-01, 90.00, true"})
        void forwardingNeedsTheThresholdOfTheDate(AuthorityLevel from, AuthorityLevel to, LocalDate on, String score,
                                                  boolean allowed) {
            if (allowed) {
                assertThatCode(() -> RULES.checkForwarding(from, to, on, new BigDecimal(score)))
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> RULES.checkForwarding(from, to, on, new BigDecimal(score)))
                        .isInstanceOf(RuleBroken.class);
            }
        }
    }

    @Nested
    class Messages {

        @Test
        void aNominationBelowNinetyNamesTheScoreAndTheNinetyItNeeds() {
            assertThatThrownBy(() -> RULES.checkNomination(on("2024-06-01"), new BigDecimal("88.50")))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.problemType()).isEqualTo("nomination-threshold-not-met");
                        assertThat(broken.getMessage()).isEqualTo("A score of 88.50 is below the 90 points the "
                                + "provincial council's evaluation needs for a national 5-star nomination.");
                        assertThat(broken.messageVi()).isEqualTo("Điểm 88,50 thấp hơn mức 90 điểm mà kết quả đánh giá "
                                + "của Hội đồng cấp tỉnh cần đạt để đề xuất đánh giá sản phẩm 5 sao quốc gia.");
                    });
            assertThatCode(() -> RULES.checkNomination(on("2024-06-01"), new BigDecimal("90.00")))
                    .doesNotThrowAnyException();
        }

        @Test
        void aForwardingBelowItsThresholdIsNotCalledANomination() {
            assertThatThrownBy(() -> RULES.checkForwarding(AuthorityLevel.DISTRICT, AuthorityLevel.PROVINCE,
                    on("2024-06-01"), new BigDecimal("69.99")))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.problemType()).isEqualTo("forwarding-threshold-not-met");
                        assertThat(broken.getMessage()).isEqualTo("A score of 69.99 is below the 70 points an "
                                + "evaluation at the district level needs to be forwarded to the provincial level.");
                        assertThat(broken.messageVi()).isEqualTo("Điểm 69,99 thấp hơn mức 70 điểm để chuyển sản phẩm "
                                + "từ cấp huyện lên cấp tỉnh.");
                    });
        }

        @Test
        void theDistrictLevelAfterItsAbolitionIsSaidToNoLongerExistWithItsBasis() {
            assertThatThrownBy(() -> RULES.checkRecognition(3, AuthorityLevel.DISTRICT, on("2025-08-10")))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.problemType()).isEqualTo("authority-level-abolished");
                        assertThat(broken.field()).isEqualTo("decision.level");
                        assertThat(broken.getMessage()).isEqualTo("The district level no longer exists since "
                                + "2025-07-01 (two-tier local government, Law on the Organisation of Local Government "
                                + "No. 72/2025/QH15): on 2025-08-10 the provincial level decides in its place.");
                        assertThat(broken.messageVi()).isEqualTo("Cấp huyện không còn tồn tại từ ngày 01/07/2025 "
                                + "(chính quyền địa phương hai cấp theo Luật Tổ chức chính quyền địa phương số "
                                + "72/2025/QH15): vào ngày 10/08/2025, cấp tỉnh quyết định thay.");
                    });
        }

        @Test
        void levelsAndDecisionsReadInVietnameseInEveryMessage() {
            assertThatThrownBy(() -> RULES.checkRecognition(4, AuthorityLevel.DISTRICT, on("2024-06-01")))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.messageVi()).isEqualTo("Sản phẩm 4 sao do cấp tỉnh công nhận vào ngày "
                                + "01/06/2024, không phải cấp huyện.");
                        assertThat(broken.getMessage()).isEqualTo("4-star products are recognised at the provincial "
                                + "level on 2024-06-01, not at the district level.");
                    });
            assertThatThrownBy(() -> RULES.checkRevocation(AuthorityLevel.PROVINCE, AuthorityLevel.CENTRAL,
                    "MARK_MISUSE", on("2024-06-01"), on("2024-06-05")))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.messageVi())
                            .isEqualTo("Chỉ cấp tỉnh đã công nhận (hoặc cấp kế thừa) mới được thu hồi, không phải "
                                    + "cấp trung ương."));
            assertThatThrownBy(() -> RULES.checkForwarding(AuthorityLevel.DISTRICT, AuthorityLevel.PROVINCE,
                    on("2025-08-01"), new BigDecimal("95")))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.messageVi())
                            .isEqualTo("Không có quy định chuyển sản phẩm từ cấp huyện lên cấp tỉnh vào ngày 01/08/2025."));
        }
    }

    @Nested
    class Certificates {

        @Test
        void aCertificateIsValidThirtySixMonthsFromItsDecision() {
            assertThat(RULES.certificateTerms(on("2024-05-10")).expiresOn()).isEqualTo(on("2027-05-10"));
        }

        @Test
        void underDecision148TheIssuerNotifiesThirtyDaysBeforeExpiry() {
            var terms = RULES.certificateTerms(on("2022-06-01")).renewal();

            assertThat(terms.legalBasis()).isEqualTo("148/QĐ-TTg");
            assertThat(terms.noticeOn()).isEqualTo(on("2025-05-02"));
            assertThat(terms.windowOpensOn()).isNull();
            assertThat(terms.pendingValidUntil()).isNull();
        }

        @Test
        void underDecision26Of2026TheSubjectFilesBetween180And120DaysBeforeExpiry() {
            var terms = RULES.certificateTerms(on("2024-05-10")).renewal();

            assertThat(terms.legalBasis()).isEqualTo("26/2026/QĐ-TTg");
            assertThat(terms.noticeOn()).isNull();
            assertThat(terms.windowOpensOn()).isEqualTo(on("2026-11-11"));
            assertThat(terms.windowClosesOn()).isEqualTo(on("2027-01-10"));
            assertThat(terms.pendingValidUntil()).isEqualTo(on("2027-11-06"));
        }
    }

    @Nested
    class Revocation {

        @ParameterizedTest(name = "recognised by {0}, revoked by {1} on {2}: {3}")
        @CsvSource({
                "PROVINCE, PROVINCE, 2024-06-01, true",
                "PROVINCE, DISTRICT, 2024-06-01, false",
                "DISTRICT, DISTRICT, 2024-06-01, true",
                "DISTRICT, PROVINCE, 2024-06-01, false",
                "DISTRICT, PROVINCE, 2025-08-01, true",
                "DISTRICT, DISTRICT, 2025-08-01, false",
                "CENTRAL, CENTRAL, 2026-06-01, true",
                "CENTRAL, PROVINCE, 2026-06-01, false"})
        void onlyTheRecognisingLevelOrItsSuccessorRevokes(AuthorityLevel recogniser, AuthorityLevel revoker,
                                                         LocalDate on, boolean allowed) {
            if (allowed) {
                assertThatCode(() -> RULES.checkRevocation(recogniser, revoker, "PRODUCTION_STOPPED", on, on))
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> RULES.checkRevocation(recogniser, revoker, "PRODUCTION_STOPPED", on, on))
                        .isInstanceOf(RuleBroken.class);
            }
        }

        @Test
        void aReasonOutsideTheTableIsRejected() {
            assertThatThrownBy(() -> RULES.checkRevocation(AuthorityLevel.PROVINCE, AuthorityLevel.PROVINCE,
                    "DISLIKED", on("2024-06-01"), on("2024-06-01")))
                    .satisfies(brokenRule("unknown-revocation-reason"));
        }

        @Test
        void revocationComesWithinFifteenDaysOfTheConclusion() {
            assertThatCode(() -> RULES.checkRevocation(AuthorityLevel.PROVINCE, AuthorityLevel.PROVINCE,
                    "LEGAL_BREACH", on("2024-06-01"), on("2024-06-16"))).doesNotThrowAnyException();
            assertThatThrownBy(() -> RULES.checkRevocation(AuthorityLevel.PROVINCE, AuthorityLevel.PROVINCE,
                    "LEGAL_BREACH", on("2024-06-01"), on("2024-06-17")))
                    .satisfies(brokenRule("revocation-too-late"));
        }
    }

    @Nested
    class Classification {

        @ParameterizedTest(name = "{1} (set {2}) on {0} → {3}")
        @CsvSource({
                "2020-03-01, 1, , TAX2018",
                "2023-02-23, 6, , TAX2018",
                "2023-02-24, I, 1, TAX2021",
                "2024-06-01, III, 18, TAX2021",
                "2026-06-01, VI, 26, TAX2021"})
        void aGroupOfTheTaxonomyInForceIsAccepted(LocalDate on, String group, String set, String taxonomy) {
            assertThat(RULES.classify(on, group, set)).isEqualTo(taxonomy);
        }

        @ParameterizedTest(name = "{1} (set {2}) on {0} is refused")
        @CsvSource({"2020-03-01, I, ", "2024-06-01, 1, ", "2024-06-01, I, 18", "2024-06-01, VII, "})
        void aGroupOutsideTheTaxonomyInForceIsRefused(LocalDate on, String group, String set) {
            assertThatThrownBy(() -> RULES.classify(on, group, set))
                    .satisfies(brokenRule("unknown-product-group"));
        }
    }

    private static java.util.function.Consumer<Throwable> brokenRule(String slug) {
        return failure -> assertThat(failure).isInstanceOfSatisfying(RuleBroken.class,
                broken -> assertThat(broken.problemType()).isEqualTo(slug));
    }

    private static CriteriaSet set(String evaluatedOn) {
        return RULES.criteriaSetFor(on(evaluatedOn), on(evaluatedOn), EvaluationKind.FIRST);
    }
}
