package vn.ocop.command.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.events.product.MemberSheet;
import vn.ocop.reference.SampleAnswers;
import vn.ocop.reference.ScoringSheets;

/** The council's answer on a criterion: the option most members chose; a tie goes to the option of fewer points. */
class CouncilSheetsTest {

    private static final ScoringSheets.Sheet FOOD = ScoringSheets.bundled().sheet("1").orElseThrow();
    /** Criterion 2.1 of set 1: options 0, 1 and 3 points; 3 points (option 2) is the 4★ minimum. */
    private static final String CRITERION = "2.1";

    private static MemberAnswers answering(String member, int option) {
        Map<String, Integer> answers = new HashMap<>(SampleAnswers.of("1").totalling(85, 5));
        answers.put(CRITERION, option);
        return new MemberAnswers(member, answers);
    }

    private static CouncilSheets council(int... options) {
        List<MemberAnswers> members = new java.util.ArrayList<>();
        for (int index = 0; index < options.length; index++) {
            members.add(answering("m" + index, options[index]));
        }
        return CouncilSheets.of(FOOD, members);
    }

    @Test
    void theOptionMostMembersChoseIsTheCouncilsAnswer() {
        assertThat(council(2, 2, 1).councilAnswers().get(CRITERION)).isEqualTo(new MemberSheet.Answer(2, 3));
        assertThat(council(2, 2, 1).minimumsMetUpTo()).isEqualTo(5);
        assertThat(council(1, 1, 2).councilAnswers().get(CRITERION)).isEqualTo(new MemberSheet.Answer(1, 1));
        assertThat(council(1, 1, 2).minimumsMetUpTo()).isEqualTo(3);
    }

    @Test
    void aTieGoesToTheOptionOfFewerPoints() {
        assertThat(council(2, 2, 1, 1).councilAnswers().get(CRITERION)).isEqualTo(new MemberSheet.Answer(1, 1));
        assertThat(council(0, 1, 2).councilAnswers().get(CRITERION)).isEqualTo(new MemberSheet.Answer(0, 0));
        assertThat(council(2, 1, 2, 1, 2).councilAnswers().get(CRITERION)).isEqualTo(new MemberSheet.Answer(2, 3));
    }

    @Test
    void aMinimumMissedOnTheCouncilsAnswerIsNamedWithTheStarItBars() {
        assertThat(council(1, 2, 1).minimumsNotMet()).singleElement().satisfies(missed -> {
            assertThat(missed.criterion()).isEqualTo(CRITERION);
            assertThat(missed.stars()).isEqualTo(4);
            assertThat(missed.points()).isEqualTo(1);
            assertThat(missed.required()).isEqualTo(3);
        });
    }

    @Test
    void aThreeStarMinimumMissedHoldsTheProductAtTwo() {
        Map<String, Integer> answers = new HashMap<>(SampleAnswers.of("1").totalling(85, 5));
        answers.put("2.2", 0);
        CouncilSheets council = CouncilSheets.of(FOOD, List.of(new MemberAnswers("m", answers)));
        assertThat(council.minimumsMetUpTo()).isEqualTo(2);
        assertThat(council.minimumsNotMet()).extracting(missed -> missed.criterion() + "@" + missed.stars())
                .containsExactly("2.2@3");
    }

    @Test
    void eachMembersPartTotalsAreSummedFromTheirOwnSheet() {
        CouncilSheets council = CouncilSheets.of(FOOD, List.of(answering("a", 2), answering("b", 0)));
        assertThat(council.memberScores().get(0).total().subtract(council.memberScores().get(1).total()))
                .isEqualByComparingTo("3");
        assertThat(council.memberSheets().get(1).answers().get(CRITERION)).isEqualTo(new MemberSheet.Answer(0, 0));
    }
}
