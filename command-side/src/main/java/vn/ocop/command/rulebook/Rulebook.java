package vn.ocop.command.rulebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.RenewalTerms;
import vn.ocop.reference.OcopRules;
import vn.ocop.reference.ScoringSheets;
import vn.ocop.reference.OcopRules.CriteriaSetRule;
import vn.ocop.reference.OcopRules.RenewalRule;

/**
 * The OCOP rules by date, read from the versioned reference tables ({@link OcopRules}). Every answer depends
 * on the business date of the step it judges, never on today's date.
 */
public final class Rulebook {

    private static final int LOWEST_MINIMUMS_LEVEL = 2;
    private static final int LOWEST_CERTIFIED_STARS = 3;

    private final OcopRules rules;
    private final ScoringSheets sheets;

    public Rulebook(OcopRules rules, ScoringSheets sheets) {
        this.rules = Objects.requireNonNull(rules);
        this.sheets = Objects.requireNonNull(sheets);
    }

    /** The rulebook of the bundled reference tables and scoring sheets. */
    public static Rulebook bundled() {
        return new Rulebook(OcopRules.load(), ScoringSheets.bundled());
    }

    /**
     * The criteria set an evaluation is scored with: the one in force on {@code evaluatedOn}, except that a
     * dossier filed before a new set took effect keeps the previous set if the evaluation ends within the
     * transition allowed for its kind (26/2026: 60 days for first and upgrade evaluations, 30 for re-evaluations).
     */
    public CriteriaSet criteriaSetFor(LocalDate evaluatedOn, LocalDate dossierFiledOn, EvaluationKind kind) {
        CriteriaSetRule inForce = rules.criteriaSets().stream()
                .filter(set -> set.period().covers(evaluatedOn))
                .findFirst()
                .orElseThrow(() -> RuleBroken.noCriteriaSet(evaluatedOn));
        var transition = inForce.transitionalEvaluation();
        if (transition != null && dossierFiledOn != null && dossierFiledOn.isBefore(transition.dossiersFiledBefore())) {
            Integer days = transition.finishedWithinDays().get(kind.name());
            if (days != null && !evaluatedOn.isAfter(inForce.validFrom().plusDays(days))) {
                return criteriaSet(rules.criteriaSets().stream()
                        .filter(set -> set.code().equals(transition.previousSet()))
                        .findFirst()
                        .orElseThrow());
            }
        }
        return criteriaSet(inForce);
    }

    /**
     * The decision an evaluation with {@code set} on {@code evaluatedOn} is scored under (see
     * {@link OcopRules#scoredUnder}); when the client states one ({@code claimed}, not null), it must be that
     * one, or the refusal says which rule decides: the stated decision's own period, or the transition of the
     * set in force for dossiers filed before it.
     */
    public String scoredUnder(String claimed, CriteriaSet set, LocalDate evaluatedOn, LocalDate dossierFiledOn,
                              EvaluationKind kind) {
        String applies = rules.scoredUnder(set.code(), evaluatedOn);
        if (claimed == null || claimed.isBlank() || claimed.strip().equals(applies)) {
            return applies;
        }
        String stated = claimed.strip();
        CriteriaSetRule inForce = rules.criteriaSets().stream()
                .filter(rule -> rule.period().covers(evaluatedOn)).findFirst().orElseThrow();
        var transition = inForce.transitionalEvaluation();
        boolean transitional = !set.code().equals(inForce.code());
        boolean claimsPrevious = transition != null && rules.criteriaSets().stream()
                .filter(rule -> rule.code().equals(transition.previousSet()))
                .anyMatch(previous -> OcopRules.decisionCode(previous.legalBasis()).equals(stated)
                        || rules.scoredUnder(previous.code(), previous.validTo()).equals(stated));
        if (!transitional && !claimsPrevious) {
            throw RuleBroken.scoredUnderNotApplicable(stated, applies,
                    "on " + evaluatedOn + " that decision is not the one in force for scoring.",
                    "vào ngày " + RuleBroken.vi(evaluatedOn) + " quyết định đó không phải quyết định được áp dụng.");
        }
        if (transitional && claimsPrevious) {
            throw RuleBroken.scoredUnderNotApplicable(stated, applies,
                    "the dossier keeps the previous decision as it stood when " + inForce.legalBasis()
                            + " took effect.",
                    "hồ sơ giữ quyết định cũ như khi " + inForce.legalBasis() + " bắt đầu có hiệu lực.");
        }
        Integer days = transition.finishedWithinDays().get(kind.name());
        LocalDate lastDay = inForce.validFrom().plusDays(days == null ? 0 : days);
        String condition = "under the transition of " + inForce.legalBasis() + ", a dossier filed before "
                + transition.dossiersFiledBefore() + " keeps the previous decision only when its "
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " evaluation ends by " + lastDay
                + "; this one was filed " + (dossierFiledOn == null ? "on no date given" : "on " + dossierFiledOn)
                + " and evaluated on " + evaluatedOn + ".";
        String conditionVi = "theo quy định chuyển tiếp của " + inForce.legalBasis() + ", hồ sơ nộp trước ngày "
                + RuleBroken.vi(transition.dossiersFiledBefore()) + " chỉ được đánh giá theo quyết định cũ khi hoàn "
                + "thành chậm nhất ngày " + RuleBroken.vi(lastDay) + "; hồ sơ này "
                + (dossierFiledOn == null ? "không có ngày nộp" : "nộp ngày " + RuleBroken.vi(dossierFiledOn))
                + ", đánh giá ngày " + RuleBroken.vi(evaluatedOn) + ".";
        throw RuleBroken.scoredUnderNotApplicable(stated, applies, condition, conditionVi);
    }

    /**
     * Scores a council's evaluation: each member's parts within the set's maxima and total at most 100; the
     * score is the mean of the totals; the rating is the lower of the score's band and the highest star level
     * whose mandatory minimums are met, or none for a disqualified dossier.
     */
    public Assessment assess(CriteriaSet set, List<MemberScore> members, int minimumsMetUpTo, boolean disqualified) {
        if (members == null || members.isEmpty()) {
            throw RuleBroken.invalidScore("at least one member's score is needed");
        }
        if (minimumsMetUpTo < LOWEST_MINIMUMS_LEVEL || minimumsMetUpTo > 5) {
            throw RuleBroken.invalidMinimumsLevel();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (MemberScore member : members) {
            checkPart("A", member.partA(), set.maxA(), set);
            checkPart("B", member.partB(), set.maxB(), set);
            checkPart("C", member.partC(), set.maxC(), set);
            if (member.total().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw RuleBroken.totalAboveHundred();
            }
            sum = sum.add(member.total());
        }
        int count = members.size();
        int band = band(sum, count);
        return new Assessment(mean(sum, count), band, disqualified ? null : Math.min(band, minimumsMetUpTo));
    }

    /** The mean of the members' totals, truncated to two decimals: never rounded up into a band. */
    private static BigDecimal mean(BigDecimal sum, int members) {
        return sum.divide(BigDecimal.valueOf(members), 2, RoundingMode.DOWN);
    }

    /**
     * Scores a council's evaluation with {@code set} on {@code evaluatedOn}. Under a decision whose scoring sheets
     * are held as data (26/2026), the product set's sheet applies — the product's own set, or the one the
     * evaluation names for a product registered without one, of the product's group on that date — and the
     * council records every member's sheet: the part totals, the score, the band and the minimums level are
     * derived from the sheets, and the rating is the lower of band and minimums. A set awaiting checking against
     * the decision's text, and the decisions whose sheets are not held, take the part totals and minimums level
     * the council gives, as {@link #assess} judges them.
     *
     * @param product the product's group and product set as registered
     */
    public Scoring score(CriteriaSet set, LocalDate evaluatedOn, ProductClass product, Council council,
                         boolean disqualified) {
        if (!set.legalBasis().equals(sheets.legalBasis())) {
            if (council.memberSheets() != null && !council.memberSheets().isEmpty()) {
                throw RuleBroken.sheetsNotHeld(set.code());
            }
            return byPartTotals(set, null, council, disqualified);
        }
        ScoringSheets.Sheet sheet = sheetFor(evaluatedOn, product, council.productSetCode());
        if (sheet.awaitingCheck()) {
            if (council.memberSheets() != null && !council.memberSheets().isEmpty()) {
                throw RuleBroken.sheetAwaitingCheck(sheet.code(), sheet.checkAgainstText());
            }
            return byPartTotals(set, sheet.code(), council, disqualified);
        }
        if (council.memberScores() != null && !council.memberScores().isEmpty()) {
            throw RuleBroken.sheetsRequired("memberScores", set.code());
        }
        if (council.minimumsMetUpTo() != null) {
            throw RuleBroken.sheetsRequired("minimumsMetUpTo", set.code());
        }
        CouncilSheets sheetsFilled = CouncilSheets.of(sheet, council.memberSheets());
        List<MemberScore> members = sheetsFilled.memberScores();
        BigDecimal sum = members.stream().map(MemberScore::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        int band = band(sum, members.size());
        int metUpTo = sheetsFilled.minimumsMetUpTo();
        return new Scoring(sheet.code(), members, mean(sum, members.size()), band, metUpTo,
                disqualified ? null : Math.min(band, metUpTo), sheetsFilled.memberSheets(),
                sheetsFilled.minimumsNotMet());
    }

    /** A product's classification as registered: its group and, under taxonomies that have them, its product set. */
    public record ProductClass(String groupCode, String productSetCode) {
    }

    /**
     * What the council gives: the members' sheets under 26/2026, or their part totals and the minimums level under
     * the decisions whose sheets are not held; {@code productSetCode} names the set for a product without one.
     */
    public record Council(String productSetCode, List<MemberAnswers> memberSheets, List<MemberScore> memberScores,
                          Integer minimumsMetUpTo) {
    }

    private Scoring byPartTotals(CriteriaSet set, String productSetCode, Council council, boolean disqualified) {
        if (council.minimumsMetUpTo() == null) {
            throw RuleBroken.invalidMinimumsLevel();
        }
        Assessment assessment = assess(set, council.memberScores(), council.minimumsMetUpTo(), disqualified);
        return new Scoring(productSetCode, List.copyOf(council.memberScores()), assessment.score(),
                assessment.scoreBand(), council.minimumsMetUpTo(), assessment.stars(), null, null);
    }

    /**
     * The sheet of the product's set — or, for a product registered without one, of the set the evaluation
     * names — which must belong to the product's group in the taxonomy in force on {@code evaluatedOn} (a group
     * of an earlier taxonomy counts as the groups that took over its products).
     */
    ScoringSheets.Sheet sheetFor(LocalDate evaluatedOn, ProductClass product, String named) {
        String code = named == null || named.isBlank() ? product.productSetCode() : named.strip();
        if (code == null) {
            throw RuleBroken.productSetRequired();
        }
        if (product.productSetCode() != null && !product.productSetCode().equals(code)) {
            throw RuleBroken.productSetMismatch("The product is registered in product set " + product.productSetCode()
                    + ", not " + code + ".", "Sản phẩm đã đăng ký thuộc bộ sản phẩm " + product.productSetCode()
                    + ", không phải bộ " + code + ".");
        }
        ScoringSheets.Sheet sheet = sheets.sheet(code).orElseThrow(() -> RuleBroken.productSetMismatch(
                "There is no product set " + code + " in " + sheets.legalBasis() + " (sets 1 to "
                        + sheets.sets().size() + ").",
                "Không có bộ sản phẩm " + code + " theo " + sheets.legalBasis() + " (các bộ từ 1 đến "
                        + sheets.sets().size() + ")."));
        OcopRules.Taxonomy taxonomy = rules.productGroupTaxonomies().stream()
                .filter(candidate -> candidate.period().covers(evaluatedOn))
                .findFirst()
                .orElseThrow(() -> RuleBroken.noTaxonomy(evaluatedOn));
        boolean ofTheGroup = taxonomy.groups().stream()
                .filter(group -> group.code().equals(sheet.group()))
                .anyMatch(group -> group.code().equals(product.groupCode())
                        || group.formerGroups().contains(product.groupCode()));
        if (!ofTheGroup) {
            throw RuleBroken.productSetMismatch("Product set " + code + " (" + sheet.en() + ") is of group "
                    + sheet.group() + ", not of the product's group " + product.groupCode() + " on " + evaluatedOn + ".",
                    "Bộ sản phẩm " + code + " (" + sheet.vi() + ") thuộc nhóm " + sheet.group()
                            + ", không thuộc nhóm " + product.groupCode() + " của sản phẩm vào ngày "
                            + RuleBroken.vi(evaluatedOn) + ".");
        }
        return sheet;
    }

    /** The stars a score earns, in half-open bands; judged on the exact mean (sum ≥ threshold × members). */
    public int band(BigDecimal sumOfTotals, int members) {
        return rules.starThresholds().stream()
                .sorted(Comparator.comparingInt(OcopRules.StarThreshold::minScore).reversed())
                .filter(row -> sumOfTotals.compareTo(BigDecimal.valueOf((long) row.minScore() * members)) >= 0)
                .findFirst()
                .orElseThrow()
                .stars();
    }

    /** Refuses the district level on and after the date it was abolished; {@code field} names the level given. */
    public void checkLevelExists(String field, AuthorityLevel level, LocalDate on) {
        if (level == AuthorityLevel.DISTRICT && !on.isBefore(rules.districtLevelAbolished())) {
            throw RuleBroken.levelAbolished(field, rules.districtLevelAbolished(), on);
        }
    }

    /** Only 3 to 5 stars are recognised, and only by the level the table names for the decision's date. */
    public void checkRecognition(int stars, AuthorityLevel level, LocalDate decidedOn) {
        AuthorityLevel competent = recognitionAuthority(stars, decidedOn);
        checkLevelExists("decision.level", level, decidedOn);
        if (competent != level) {
            throw RuleBroken.recognitionAuthorityMismatch(stars, competent, level, decidedOn);
        }
    }

    /** The level the table names to recognise {@code stars} stars on {@code decidedOn}. */
    public AuthorityLevel recognitionAuthority(int stars, LocalDate decidedOn) {
        if (stars < LOWEST_CERTIFIED_STARS) {
            throw RuleBroken.notRecognisable("only 3 to 5 stars are recognised with a certificate");
        }
        return rules.recognitionAuthority().stream()
                .filter(rule -> rule.period().covers(decidedOn))
                .findFirst()
                .map(rule -> rule.stars().get(Integer.toString(stars)))
                .orElseThrow(() -> RuleBroken.notRecognisable("no recognition rule is in force on " + decidedOn));
    }

    /** The least score with which an evaluation at {@code from} is forwarded to {@code to} on that date. */
    public int forwardingThreshold(AuthorityLevel from, AuthorityLevel to, LocalDate on) {
        return rules.forwarding().stream()
                .filter(rule -> rule.from() == from && rule.to() == to && rule.period().covers(on))
                .findFirst()
                .orElseThrow(() -> RuleBroken.forwardingNotAllowed(from, to, on))
                .minScore();
    }

    /**
     * The order of councils: on a date when a level forwards to {@code level} (district to province under 1048
     * and 148, until 2025-07-05), a first evaluation at {@code level} needs an evaluation of the level below
     * forwarded to it before ({@code forwardedOn}, null when none was). Upgrades, re-evaluations and the
     * central council's evaluations are not judged here.
     */
    public void checkOrderOfCouncils(AuthorityLevel level, EvaluationKind kind, LocalDate evaluatedOn,
                                     LocalDate forwardedOn) {
        forwardingInto(level, kind, evaluatedOn).ifPresent(rule -> {
            if (forwardedOn == null || forwardedOn.isAfter(evaluatedOn)) {
                throw RuleBroken.noForwardedEvaluation(rule.from(), rule.to(), rule.minScore(), evaluatedOn);
            }
        });
    }

    /** Whether a {@code kind} evaluation at {@code level} on {@code on} needs one forwarded from the level below. */
    public boolean needsForwardedEvaluation(AuthorityLevel level, EvaluationKind kind, LocalDate on) {
        return forwardingInto(level, kind, on).isPresent();
    }

    private java.util.Optional<OcopRules.ForwardingRule> forwardingInto(AuthorityLevel level, EvaluationKind kind,
                                                                         LocalDate on) {
        if (kind != EvaluationKind.FIRST || level == AuthorityLevel.CENTRAL) {
            return java.util.Optional.empty();
        }
        return rules.forwarding().stream()
                .filter(rule -> rule.to() == level && rule.period().covers(on))
                .findFirst();
    }

    public void checkForwarding(AuthorityLevel from, AuthorityLevel to, LocalDate on, BigDecimal score) {
        int minimum = forwardingThreshold(from, to, on);
        if (score.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            throw RuleBroken.forwardingThresholdNotMet(score, minimum, from, to);
        }
    }

    /** The province nominates for the national 5-star evaluation on a score at the threshold of the date. */
    public void checkNomination(LocalDate on, BigDecimal score) {
        int minimum = forwardingThreshold(AuthorityLevel.PROVINCE, AuthorityLevel.CENTRAL, on);
        if (score.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            throw RuleBroken.nominationThresholdNotMet(score, minimum);
        }
    }

    /**
     * A certificate decided on {@code decidedOn}: valid 36 months (the table's validity) from that date, renewed
     * on the terms in force on its expiry date.
     */
    public CertificateTerms certificateTerms(LocalDate decidedOn) {
        LocalDate expiresOn = decidedOn.plusMonths(rules.certificate().validityMonths());
        RenewalRule regime = rules.certificate().renewal().stream()
                .filter(rule -> rule.period().covers(expiresOn))
                .findFirst()
                .orElseThrow();
        return new CertificateTerms(expiresOn, new RenewalTerms(regime.legalBasis(),
                daysBefore(expiresOn, regime.issuerNoticeDaysBeforeExpiry()),
                daysBefore(expiresOn, regime.reEvaluationWindowOpensDaysBeforeExpiry()),
                daysBefore(expiresOn, regime.reEvaluationWindowClosesDaysBeforeExpiry()),
                regime.pendingGraceDaysAfterExpiry() == null ? null
                        : expiresOn.plusDays(regime.pendingGraceDaysAfterExpiry())));
    }

    /**
     * Revocation is decided by the level that recognised (or, for a district after the district level was
     * abolished, the province that succeeded it), for a reason of the table, within the days the table allows
     * after the conclusion that grounds it.
     */
    public void checkRevocation(AuthorityLevel recogniser, AuthorityLevel revoker, String reasonCode,
                                LocalDate concludedOn, LocalDate decidedOn) {
        if (rules.revocationReasons().stream().noneMatch(reason -> reason.code().equals(reasonCode))) {
            throw RuleBroken.unknownRevocationReason(reasonCode);
        }
        checkLevelExists("decision.level", revoker, decidedOn);
        if (revoker != successorOf(recogniser, decidedOn)) {
            throw RuleBroken.revocationAuthorityMismatch(recogniser, revoker);
        }
        int within = rules.certificate().revocationWithinDaysOfConclusion();
        if (decidedOn.isAfter(concludedOn.plusDays(within))) {
            throw RuleBroken.revocationTooLate(within);
        }
    }

    /** The reasons a certificate may be revoked for, as the rule table lists them. */
    public List<OcopRules.RevocationReason> revocationReasons() {
        return rules.revocationReasons();
    }

    /** The level that acts for {@code level} on a date: the province for an abolished district. */
    public AuthorityLevel successorOf(AuthorityLevel level, LocalDate on) {
        return level == AuthorityLevel.DISTRICT && !on.isBefore(rules.districtLevelAbolished())
                ? AuthorityLevel.PROVINCE : level;
    }

    /**
     * The product's classification under the taxonomy in force on {@code on}: a group code, and optionally a
     * product set (bộ sản phẩm) of that group.
     *
     * @return the taxonomy's code
     */
    public String classify(LocalDate on, String groupCode, String criteriaSetCode) {
        OcopRules.Taxonomy taxonomy = rules.productGroupTaxonomies().stream()
                .filter(candidate -> candidate.period().covers(on))
                .findFirst()
                .orElseThrow(() -> RuleBroken.noTaxonomy(on));
        OcopRules.ProductGroup group = taxonomy.groups().stream()
                .filter(candidate -> candidate.code().equals(groupCode))
                .findFirst()
                .orElseThrow(() -> RuleBroken.unknownProductGroup("Group '" + groupCode + "'", taxonomy.code()));
        if (criteriaSetCode != null && group.subGroups().stream()
                .flatMap(subGroup -> subGroup.sets().stream())
                .noneMatch(set -> set.code().equals(criteriaSetCode))) {
            throw RuleBroken.unknownProductGroup("Product set '" + criteriaSetCode + "' of group " + groupCode,
                    taxonomy.code());
        }
        return taxonomy.code();
    }

    private static void checkPart(String part, BigDecimal points, int maximum, CriteriaSet set) {
        if (points == null || points.signum() < 0) {
            throw RuleBroken.invalidScore("part " + part + " must be a number of points, 0 or more");
        }
        if (points.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            throw RuleBroken.partScoreAboveMaximum(part, maximum, set.legalBasis());
        }
    }

    private static LocalDate daysBefore(LocalDate date, Integer days) {
        return days == null ? null : date.minusDays(days);
    }

    private static CriteriaSet criteriaSet(CriteriaSetRule rule) {
        Map<String, Integer> maxima = rule.partMaxima();
        return new CriteriaSet(rule.code(), rule.legalBasis(), maxima.get("A"), maxima.get("B"), maxima.get("C"));
    }
}
