package vn.ocop.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.report.CertificateTimeline.Kind;
import vn.ocop.query.report.CertificateTimeline.Step;
import vn.ocop.events.programme.ProgrammeTargets;
import vn.ocop.reference.AdministrativeUnits;

/** Computes the annual review from the product events (by business date) and the support ledger. */
@Component
class AnnualReviews {

    private final ProductHistories histories;
    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;

    private final ObjectMapper json;

    AnnualReviews(ProductHistories histories, JdbcTemplate jdbc, AdministrativeUnits units, ObjectMapper json) {
        this.histories = histories;
        this.jdbc = jdbc;
        this.units = units;
        this.json = json;
    }

    AnnualReview of(int year) {
        Map<String, CertificateTimeline> timelines = histories.all();
        Map<Integer, Long> newByStars = new TreeMap<>();
        Map<String, Long> newByGroup = new TreeMap<>();
        Map<String, Long> revocationsByReason = new TreeMap<>();
        Map<Kind, Long> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(kind, 0L);
        }
        Map<Integer, Long> validByStars = new TreeMap<>();
        long validBefore = 0;
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        for (CertificateTimeline timeline : timelines.values()) {
            for (Step step : timeline.steps()) {
                if (step.on().getYear() != year) {
                    continue;
                }
                byKind.merge(step.kind(), 1L, Long::sum);
                if (step.kind() == Kind.RECOGNITION) {
                    newByStars.merge(step.stars(), 1L, Long::sum);
                    newByGroup.merge(timeline.groupCode(), 1L, Long::sum);
                } else if (step.kind() == Kind.REVOCATION) {
                    revocationsByReason.merge(step.reason(), 1L, Long::sum);
                }
            }
            int stars = timeline.starsInForceAt(yearEnd);
            if (stars > 0) {
                validByStars.merge(stars, 1L, Long::sum);
            }
            if (timeline.starsInForceAt(yearEnd.minusYears(1)) > 0) {
                validBefore++;
            }
        }
        List<String> supported = supportedDistricts(year);
        List<String> unsupported = new ArrayList<>();
        units.districts().forEach(district -> {
            if (!supported.contains(district.name())) {
                unsupported.add(district.name());
            }
        });
        return new AnnualReview(year, byKind.get(Kind.RECOGNITION), newByStars, newByGroup, byKind.get(Kind.UPGRADE),
                byKind.get(Kind.RE_RECOGNITION), byKind.get(Kind.EXPIRY), byKind.get(Kind.REVOCATION),
                revocationsByReason, validBefore, validByStars.values().stream().mapToLong(Long::longValue).sum(),
                validByStars,
                counts("select legal_form, count(*) from subject_view group by legal_form"),
                counts("select kind, sum(amount - released) from support_grant_view where fiscal_year = ? "
                        + "group by kind", year),
                counts("select source, sum(amount - released) from support_grant_view where fiscal_year = ? "
                        + "group by source", year),
                counts("select source, sum(disbursed) from support_grant_view where fiscal_year = ? group by source",
                        year),
                supported, unsupported, planProgress(year, timelines));
    }

    private List<AnnualReview.PlanMeasure> planProgress(int year, Map<String, CertificateTimeline> timelines) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        long registered = jdbc.queryForObject("select count(*) from product_register where registered_on <= ? "
                + "and stage <> 'IDEA_RETURNED'", Long.class, java.sql.Date.valueOf(yearEnd));
        List<AnnualReview.PlanMeasure> measures = new ArrayList<>();
        jdbc.query("select title, targets from programme_plan_view where from_year <= ? and to_year >= ? "
                + "order by decided_on", row -> {
                    String title = row.getString(1);
                    ProgrammeTargets targets = read(row.getString(2));
                    if (targets.plannedProducts() != null) {
                        measures.add(new AnnualReview.PlanMeasure(title, "plannedProducts", targets.plannedProducts(),
                                registered));
                    }
                    if (targets.starTargets() != null) {
                        for (ProgrammeTargets.StarTarget star : targets.starTargets()) {
                            long achieved = timelines.values().stream()
                                    .filter(timeline -> timeline.starsInForceAt(yearEnd) >= star.minStars()).count();
                            measures.add(new AnnualReview.PlanMeasure(title, "productsAtLeast" + star.minStars()
                                    + "Stars by " + star.byYear(), star.products(), achieved));
                        }
                    }
                }, year, year);
        return measures;
    }

    private ProgrammeTargets read(String targets) {
        try {
            return json.readValue(targets, ProgrammeTargets.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The years' reviews from {@code fromYear} to {@code toYear}, summed. */
    PhaseSummary phase(int fromYear, int toYear) {
        List<AnnualReview> years = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            years.add(of(year));
        }
        Map<Integer, Long> byStars = new TreeMap<>();
        Map<String, Long> bySource = new TreeMap<>();
        years.forEach(review -> {
            review.newRecognitionsByStars().forEach((stars, count) -> byStars.merge(stars, count, Long::sum));
            review.supportCommittedBySource().forEach((source, amount) -> bySource.merge(source, amount, Long::sum));
        });
        return new PhaseSummary(fromYear, toYear,
                years.stream().mapToLong(AnnualReview::newRecognitions).sum(), byStars,
                years.stream().mapToLong(AnnualReview::upgrades).sum(),
                years.stream().mapToLong(AnnualReview::reRecognitions).sum(),
                years.stream().mapToLong(AnnualReview::expiries).sum(),
                years.stream().mapToLong(AnnualReview::revocations).sum(),
                years.get(0).validAtPreviousYearEnd(), years.get(years.size() - 1).validAtYearEnd(), bySource,
                years);
    }

    private List<String> supportedDistricts(int year) {
        TreeSet<String> names = new TreeSet<>();
        jdbc.queryForList("select distinct commune_code from support_grant_view where fiscal_year = ? "
                + "and product_id is not null", String.class, year)
                .forEach(commune -> units.districtOf(commune).ifPresent(district -> names.add(district.name())));
        return List.copyOf(names);
    }

    private Map<String, Long> counts(String sql, Object... arguments) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, row -> { counts.put(row.getString(1), row.getLong(2)); }, arguments);
        return counts;
    }
}
