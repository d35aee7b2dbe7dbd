package vn.ocop.command.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ocop.reference.SampleAnswers;
import vn.ocop.command.rulebook.MemberAnswers;
import vn.ocop.command.rulebook.CertificateTerms;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.BusinessPlanApproved;
import vn.ocop.events.product.ProductEvent.BusinessPlanSubmitted;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;
import vn.ocop.events.product.ProductEvent.ProductIdeaAccepted;
import vn.ocop.events.product.ProductEvent.ProductIdeaRegistered;
import vn.ocop.events.product.ProductEvent.ProductRecognized;
import vn.ocop.reference.AdministrativeUnits;

/** Prose for product tests: histories of events and the commands' parts, by date. */
final class ProductHistory {

    static final String PRODUCT = "p-1";
    static final String SUBJECT = "s-1";
    static final Rulebook RULES = Rulebook.bundled();
    static final AdministrativeUnits UNITS = AdministrativeUnits.load();

    private ProductHistory() {
    }

    /**
     * A product fixture with the bundled rules and "today" on 2026-11-28, for the commands that need no
     * subject's standing (every one but a product's registration).
     */
    static org.axonframework.test.aggregate.AggregateTestFixture<Product> fixture() {
        var fixture = new org.axonframework.test.aggregate.AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(UNITS);
        fixture.registerInjectableResource(new vn.ocop.command.common.BusinessCalendar(java.time.Clock.fixed(
                java.time.Instant.parse("2026-11-28T03:00:00Z"), java.time.ZoneOffset.UTC)));
        return fixture;
    }

    static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    static Decision decision(AuthorityLevel level, String date) {
        return new Decision("QĐ-" + date, on(date), "UBND " + level.name().toLowerCase(), level);
    }

    static ProductIdeaRegistered ideaRegistered(String date) {
        return new ProductIdeaRegistered(PRODUCT, SUBJECT, "Sâm Ngọc Linh", "TAX2021", "III", "18", "23374",
                "Củ sâm tươi", on(date));
    }

    /** The events of a product whose idea was registered on {@code date} and its plan approved 3 months later. */
    static List<ProductEvent> approvedProduct(String date) {
        LocalDate start = on(date);
        return new ArrayList<>(List.of(
                new ProductIdeaRegistered(PRODUCT, SUBJECT, "Sâm Ngọc Linh", "TAX2021", "III", "18", "23374",
                        "Củ sâm tươi", start),
                new ProductIdeaAccepted(PRODUCT, decision(AuthorityLevel.DISTRICT, start.plusDays(10).toString())),
                new BusinessPlanSubmitted(PRODUCT, start.plusMonths(1), "Phương án", "Tóm tắt"),
                new BusinessPlanApproved(PRODUCT, decision(AuthorityLevel.DISTRICT,
                        start.plusMonths(3).toString()))));
    }

    /**
     * The same, and then a district council's first evaluation (72 points) forwarded to the province, so that
     * the province may evaluate it under 1048 or 148: evaluated 3 months 10 days after {@code date}, forwarded
     * 10 days later.
     */
    static List<ProductEvent> forwardedProduct(String date) {
        List<ProductEvent> events = approvedProduct(date);
        LocalDate evaluatedOn = on(date).plusMonths(3).plusDays(10);
        events.add(evaluated("e-d", EvaluationKind.FIRST, AuthorityLevel.DISTRICT, evaluatedOn.toString(), "72", 4));
        events.add(new ProductForwarded(PRODUCT, "e-d", AuthorityLevel.DISTRICT, AuthorityLevel.PROVINCE,
                evaluatedOn.plusDays(10)));
        return events;
    }

    /** One member whose parts make up {@code total} points (within every set's maxima). */
    /**
     * Three members' scoring sheets of the product's set (18) under 26/2026, each totalling {@code total} with
     * every mandatory minimum met.
     */
    static List<MemberAnswers> sheets(int total) {
        Map<String, Integer> answers = SampleAnswers.of("18").totalling(total, 5);
        return List.of(new MemberAnswers("Thành viên 1", answers), new MemberAnswers("Thành viên 2", answers),
                new MemberAnswers("Thành viên 3", answers));
    }

    static List<MemberScore> scoring(String total) {
        BigDecimal points = new BigDecimal(total);
        BigDecimal a = points.min(BigDecimal.valueOf(35));
        BigDecimal b = points.subtract(a).min(BigDecimal.valueOf(25));
        return List.of(new MemberScore(a, b, points.subtract(a).subtract(b)));
    }

    /** A rated evaluation as the aggregate records it (stars = band, all minimums met). */
    static ProductEvaluated evaluated(String evaluationId, EvaluationKind kind, AuthorityLevel level, String date,
                                      String total, int stars) {
        return new ProductEvaluated(PRODUCT, evaluationId, kind, level, "1", on(date), on(date),
                RULES.criteriaSetFor(on(date), on(date), kind).code(), scoring(total),
                new BigDecimal(total).setScale(2), stars, 5, stars, null, null);
    }

    static ProductRecognized recognized(String certificateId, int stars, AuthorityLevel level, String date,
                                        String evaluationId) {
        CertificateTerms terms = RULES.certificateTerms(on(date));
        return new ProductRecognized(PRODUCT, certificateId, stars, decision(level, date), evaluationId,
                terms.expiresOn(), terms.renewal());
    }
}
