package vn.ocop.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import vn.ocop.events.programme.ProgrammePlanEvent;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAdopted;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAmended;
import vn.ocop.events.programme.ProgrammeTargets;
import vn.ocop.events.subject.SubjectEvent;
import vn.ocop.events.subject.SubjectEvent.SubjectDissolved;
import vn.ocop.events.subject.SubjectEvent.SubjectProfileUpdated;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;
import vn.ocop.events.support.SupportGrantEvent;
import vn.ocop.events.support.SupportGrantEvent.SupportDisbursed;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantCancelled;
import vn.ocop.events.support.SupportGrantEvent.SupportGranted;
import vn.ocop.query.common.Today;

/**
 * The subjects, the support and the plans as they stood at the end of a year on the business clock, folded
 * from their events by the dates they took effect: a subject from its registration date (the day it was
 * recorded, for subjects recorded before they carried one) until its dissolution; a grant from its decision,
 * less what a cancellation dated by then released, paid by the disbursements dated by then; a plan's targets as
 * adopted and amended by decisions dated by then. What is recorded later about later dates changes none of it.
 */
final class YearEndState {

    /** A grant's figures at the year's end. */
    private record Grant(String kind, String source, int fiscalYear, String productId, String communeCode,
                         long amount, long released, long disbursed) {
    }

    /** A plan's title, years and targets at the year's end. */
    record Plan(String title, int fromYear, int toYear, LocalDate decidedOn, ProgrammeTargets targets) {
    }

    final Map<String, Long> subjectsByLegalForm = new TreeMap<>();
    private final List<Grant> grants = new ArrayList<>();
    final List<Plan> plans = new ArrayList<>();

    static YearEndState at(LocalDate yearEnd, RecordedEvents events) {
        return at(yearEnd, events, commune -> true);
    }

    /** The same, of the subjects and grants whose commune {@code inPlace} accepts (one province's, say). */
    static YearEndState at(LocalDate yearEnd, RecordedEvents events, Predicate<String> inPlace) {
        YearEndState state = new YearEndState();
        state.foldSubjects(yearEnd, events, inPlace);
        state.foldGrants(yearEnd, events, inPlace);
        state.foldPlans(yearEnd, events);
        return state;
    }

    /** A subject's legal form and the commune it lay in at the year's end. */
    private record Place(String legalForm, String communeCode) {
    }

    private void foldSubjects(LocalDate yearEnd, RecordedEvents events, Predicate<String> inPlace) {
        Map<String, Place> subjects = new HashMap<>();
        events.forEach(SubjectEvent.class, (subjectId, event, recordedAt) -> {
            if (event instanceof SubjectRegistered registered
                    && !effective(registered.registeredOn(), recordedAt).isAfter(yearEnd)) {
                subjects.put(subjectId, new Place(registered.legalForm().name(), registered.communeCode()));
            } else if (event instanceof SubjectProfileUpdated moved && moved.communeCode() != null
                    && !effective(moved.effectiveOn(), recordedAt).isAfter(yearEnd)) {
                subjects.computeIfPresent(subjectId, (id, place) -> new Place(place.legalForm(), moved.communeCode()));
            } else if (event instanceof SubjectDissolved dissolved && !dissolved.effectiveOn().isAfter(yearEnd)) {
                subjects.remove(subjectId);
            }
        });
        subjects.values().stream().filter(place -> inPlace.test(place.communeCode()))
                .forEach(place -> subjectsByLegalForm.merge(place.legalForm(), 1L, Long::sum));
    }

    private void foldGrants(LocalDate yearEnd, RecordedEvents events, Predicate<String> inPlace) {
        Map<String, Grant> byId = new LinkedHashMap<>();
        events.forEach(SupportGrantEvent.class, RecordedEvents.each((grantId, event) -> {
            if (event instanceof SupportGranted granted && !granted.decision().date().isAfter(yearEnd)) {
                byId.put(grantId, new Grant(granted.kind().name(), granted.source().name(), granted.fiscalYear(),
                        granted.productId(), granted.communeCode(), granted.amount(), 0, 0));
            } else if (event instanceof SupportDisbursed paid && !paid.paidOn().isAfter(yearEnd)) {
                byId.computeIfPresent(grantId, (id, g) -> new Grant(g.kind(), g.source(), g.fiscalYear(),
                        g.productId(), g.communeCode(), g.amount(), g.released(), g.disbursed() + paid.amount()));
            } else if (event instanceof SupportGrantCancelled cancelled
                    && !cancelled.cancelledOn().isAfter(yearEnd)) {
                byId.computeIfPresent(grantId, (id, g) -> new Grant(g.kind(), g.source(), g.fiscalYear(),
                        g.productId(), g.communeCode(), g.amount(), g.released() + cancelled.releasedAmount(),
                        g.disbursed()));
            }
        }));
        byId.values().stream().filter(grant -> inPlace.test(grant.communeCode())).forEach(grants::add);
    }

    private void foldPlans(LocalDate yearEnd, RecordedEvents events) {
        Map<String, Plan> byId = new LinkedHashMap<>();
        events.forEach(ProgrammePlanEvent.class, RecordedEvents.each((planId, event) -> {
            if (event instanceof ProgrammePlanAdopted adopted && !adopted.decision().date().isAfter(yearEnd)) {
                byId.put(planId, new Plan(adopted.title(), adopted.fromYear(), adopted.toYear(),
                        adopted.decision().date(), adopted.targets()));
            } else if (event instanceof ProgrammePlanAmended amended && !amended.decision().date().isAfter(yearEnd)) {
                byId.computeIfPresent(planId, (id, plan) -> new Plan(plan.title(), plan.fromYear(), amended.toYear(),
                        plan.decidedOn(), amended.targets()));
            }
        }));
        byId.values().stream()
                .sorted(Comparator.comparing(Plan::decidedOn))
                .forEach(plans::add);
    }

    private static LocalDate effective(LocalDate given, Instant recordedAt) {
        return given != null ? given : LocalDate.ofInstant(recordedAt, Today.VIETNAM);
    }

    /** The support of fiscal year {@code year} committed at the year's end (granted less released), by kind. */
    Map<String, Long> committedByKind(int year) {
        return sum(year, true, false);
    }

    Map<String, Long> committedBySource(int year) {
        return sum(year, false, false);
    }

    Map<String, Long> disbursedBySource(int year) {
        return sum(year, false, true);
    }

    /** The communes of the fiscal year's grants to products. */
    List<String> productGrantCommunes(int year) {
        TreeSet<String> communes = new TreeSet<>();
        grants.stream().filter(g -> g.fiscalYear() == year && g.productId() != null && g.communeCode() != null)
                .forEach(g -> communes.add(g.communeCode()));
        return List.copyOf(communes);
    }

    private Map<String, Long> sum(int year, boolean byKind, boolean disbursed) {
        Map<String, Long> sums = new TreeMap<>();
        grants.stream().filter(g -> g.fiscalYear() == year).forEach(g -> sums.merge(byKind ? g.kind() : g.source(),
                disbursed ? g.disbursed() : g.amount() - g.released(), Long::sum));
        return sums;
    }
}
