package vn.ocop.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.ocop.query.report.CertificateTimeline.Kind;
import vn.ocop.query.report.CertificateTimeline.Step;
import vn.ocop.events.programme.ProgrammeTargets;
import vn.ocop.query.common.ServedProvinces;
import vn.ocop.reference.AdministrativeUnits;

/**
 * Computes the annual review from the product events (by business date) and the support ledger: of every province
 * the deployment serves, or of one (its products, subjects and grants by the commune they name, old or new; its
 * districts). The programme's plans are counted whole, as they name no province.
 */
@Component
class AnnualReviews {

    private final ProductHistories histories;
    private final RecordedEvents events;
    private final AdministrativeUnits units;
    private final ServedProvinces provinces;

    AnnualReviews(ProductHistories histories, RecordedEvents events, AdministrativeUnits units,
                  ServedProvinces provinces) {
        this.histories = histories;
        this.events = events;
        this.units = units;
        this.provinces = provinces;
    }

    AnnualReview of(int year) {
        return of(year, null);
    }

    /** A year's review of {@code province} (null: every province served). */
    AnnualReview of(int year, String province) {
        Predicate<String> inPlace = provinces.communesOf(province);
        Map<String, CertificateTimeline> timelines = new LinkedHashMap<>();
        histories.all().forEach((id, timeline) -> {
            if (inPlace.test(timeline.communeCode())) {
                timelines.put(id, timeline);
            }
        });
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
        YearEndState atYearEnd = YearEndState.at(yearEnd, events, inPlace);
        List<String> supported = supportedDistricts(atYearEnd.productGrantCommunes(year));
        List<String> unsupported = new ArrayList<>();
        units.districts().stream().filter(district -> province == null || district.provinceCode().equals(province))
                .forEach(district -> {
            if (!supported.contains(district.name())) {
                unsupported.add(district.name());
            }
        });
        return new AnnualReview(year, byKind.get(Kind.RECOGNITION), newByStars, newByGroup, byKind.get(Kind.UPGRADE),
                byKind.get(Kind.RE_RECOGNITION), byKind.get(Kind.EXPIRY), byKind.get(Kind.REVOCATION),
                revocationsByReason, validBefore, validByStars.values().stream().mapToLong(Long::longValue).sum(),
                validByStars,
                atYearEnd.subjectsByLegalForm, atYearEnd.committedByKind(year), atYearEnd.committedBySource(year),
                atYearEnd.disbursedBySource(year), supported, unsupported, planProgress(year, timelines, atYearEnd));
    }

    private List<AnnualReview.PlanMeasure> planProgress(int year, Map<String, CertificateTimeline> timelines,
                                                        YearEndState atYearEnd) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        long registered = timelines.values().stream().filter(timeline -> timeline.registeredAt(yearEnd)).count();
        List<AnnualReview.PlanMeasure> measures = new ArrayList<>();
        for (YearEndState.Plan plan : atYearEnd.plans) {
            if (plan.fromYear() > year || plan.toYear() < year) {
                continue;
            }
            ProgrammeTargets targets = plan.targets();
            if (targets.plannedProducts() != null) {
                measures.add(new AnnualReview.PlanMeasure(plan.title(), "plannedProducts", targets.plannedProducts(),
                        registered));
            }
            if (targets.starTargets() != null) {
                for (ProgrammeTargets.StarTarget star : targets.starTargets()) {
                    long achieved = timelines.values().stream()
                            .filter(timeline -> timeline.starsInForceAt(yearEnd) >= star.minStars()).count();
                    measures.add(new AnnualReview.PlanMeasure(plan.title(), "productsAtLeast" + star.minStars()
                            + "Stars by " + star.byYear(), star.products(), achieved));
                }
            }
        }
        return measures;
    }

    /** The years' reviews from {@code fromYear} to {@code toYear}, summed; of {@code province}, or all for null. */
    PhaseSummary phase(int fromYear, int toYear, String province) {
        List<AnnualReview> years = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            years.add(of(year, province));
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

    private List<String> supportedDistricts(List<String> communes) {
        TreeSet<String> names = new TreeSet<>();
        communes.forEach(commune -> units.districtOf(commune).ifPresent(district -> names.add(district.name())));
        return List.copyOf(names);
    }
}
