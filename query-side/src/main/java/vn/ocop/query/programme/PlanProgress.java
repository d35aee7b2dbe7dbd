package vn.ocop.query.programme;

import java.time.LocalDate;
import java.util.List;
import vn.ocop.events.programme.ProgrammeTargets;

/**
 * A plan's targets in force and how far the programme has come.
 *
 * @param amendments how many later decisions amended the plan (the targets shown are the latest)
 */
public record PlanProgress(String planId, String title, int fromYear, int toYear, String decisionNumber,
                           LocalDate decidedOn, int amendments, ProgrammeTargets targets, List<Measure> progress) {

    /**
     * One target and what is achieved: {@code achieved} of {@code target}, {@code percent} of it.
     *
     * @param measure e.g. "plannedProducts", "keyProducts", "productsAtLeast3Stars by 2025"
     */
    public record Measure(String measure, long target, long achieved, double percent) {

        static Measure of(String measure, long target, long achieved) {
            return new Measure(measure, target, achieved,
                    target == 0 ? 100 : Math.round(achieved * 1000.0 / target) / 10.0);
        }
    }
}
