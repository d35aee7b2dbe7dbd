package vn.ocop.command.rulebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.events.product.CouncilAnswers;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.MemberSheet;
import vn.ocop.events.product.MinimumNotMet;
import vn.ocop.reference.ScoringSheets;

/**
 * A council's scoring sheets for one evaluation, checked against the product set's sheet, and what they derive:
 * every member's part totals, the council's answer on each criterion and the star level up to which the
 * mandatory minimums are met. The council's answer on a criterion is {@link CouncilAnswers}'.
 */
public final class CouncilSheets {

    /** No criteria set marks a minimum below 3 stars: a product that misses the 3★ minimums is held at 2. */
    private static final int BELOW_THE_FIRST_MINIMUM = 2;

    private final ScoringSheets.Sheet sheet;
    private final List<MemberSheet> members;
    private final Map<String, MemberSheet.Answer> councilAnswers;

    private CouncilSheets(ScoringSheets.Sheet sheet, List<MemberSheet> members) {
        this.sheet = sheet;
        this.members = List.copyOf(members);
        this.councilAnswers = CouncilAnswers.of(this.members);
    }

    /** Checks every member's answers against the sheet: each criterion answered once, with an option it has. */
    public static CouncilSheets of(ScoringSheets.Sheet sheet, List<MemberAnswers> answers) {
        if (answers == null || answers.isEmpty()) {
            throw RuleBroken.invalidScore("at least one member's sheet is needed");
        }
        List<MemberSheet> members = new ArrayList<>();
        for (int index = 0; index < answers.size(); index++) {
            members.add(sheetOf(sheet, index, answers.get(index)));
        }
        return new CouncilSheets(sheet, members);
    }

    private static MemberSheet sheetOf(ScoringSheets.Sheet sheet, int index, MemberAnswers member) {
        Map<String, Integer> given = member.options() == null ? Map.of() : member.options();
        for (String code : given.keySet()) {
            if (sheet.criterion(code).isEmpty()) {
                throw RuleBroken.unknownCriterion(index, code, sheet.code());
            }
        }
        Map<String, MemberSheet.Answer> answers = new LinkedHashMap<>();
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            Integer option = given.get(criterion.code());
            if (option == null) {
                throw RuleBroken.criterionNotAnswered(index, criterion, sheet.code());
            }
            List<ScoringSheets.Option> options = criterion.answers();
            if (option < 0 || option >= options.size()) {
                throw RuleBroken.noSuchOption(index, criterion, option);
            }
            answers.put(criterion.code(), new MemberSheet.Answer(option, options.get(option).points()));
        }
        return new MemberSheet(member.member() == null ? null : member.member().strip(), answers);
    }

    /** The sheets with the points of every answer, as the event records them. */
    public List<MemberSheet> memberSheets() {
        return members;
    }

    /** Every member's part totals, summed from the sheet. */
    public List<MemberScore> memberScores() {
        return members.stream().map(this::partTotals).toList();
    }

    /** The council's answer on each criterion, in the sheet's order. */
    public Map<String, MemberSheet.Answer> councilAnswers() {
        return councilAnswers;
    }

    /** The highest star level whose mandatory minimums the council's answers all reach (2 when 3★'s are missed). */
    public int minimumsMetUpTo() {
        int metUpTo = BELOW_THE_FIRST_MINIMUM;
        for (int stars = BELOW_THE_FIRST_MINIMUM + 1; stars <= 5; stars++) {
            int level = stars;
            boolean allMet = sheet.criteria().stream().allMatch(criterion ->
                    councilAnswers.get(criterion.code()).points() >= criterion.requiredFor(level));
            if (!allMet) {
                break;
            }
            metUpTo = stars;
        }
        return metUpTo;
    }

    /** Per criterion whose council answer misses a minimum, the lowest star level it misses, in the sheet's order. */
    public List<MinimumNotMet> minimumsNotMet() {
        List<MinimumNotMet> missed = new ArrayList<>();
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            MemberSheet.Answer answer = councilAnswers.get(criterion.code());
            for (int stars = BELOW_THE_FIRST_MINIMUM + 1; stars <= 5; stars++) {
                int required = criterion.requiredFor(stars);
                if (answer.points() < required) {
                    missed.add(new MinimumNotMet(criterion.code(), stars, answer.option(), answer.points(), required));
                    break;
                }
            }
        }
        return missed;
    }

    private MemberScore partTotals(MemberSheet member) {
        Map<String, Integer> parts = new HashMap<>(Map.of("A", 0, "B", 0, "C", 0));
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            parts.merge(criterion.part(), member.answers().get(criterion.code()).points(), Integer::sum);
        }
        return new MemberScore(BigDecimal.valueOf(parts.get("A")), BigDecimal.valueOf(parts.get("B")),
                BigDecimal.valueOf(parts.get("C")));
    }
}
