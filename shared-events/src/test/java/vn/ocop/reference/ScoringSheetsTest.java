package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringSheetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScoringSheets sheets = ScoringSheets.bundled();

    @Test
    void allTwentySixSetsOfTheDecisionAreHeldWithTheirVietnameseText() {
        assertThat(sheets.legalBasis()).isEqualTo("26/2026/QĐ-TTg");
        assertThat(sheets.sets()).hasSize(26);
        ScoringSheets.Sheet coffee = sheets.sheet("13").orElseThrow();
        assertThat(coffee.vi()).isEqualTo("Cà phê, ca cao");
        assertThat(coffee.group()).isEqualTo("I");
        ScoringSheets.Criterion origin = sheets.sheet("1").orElseThrow().criterion("1.1").orElseThrow();
        assertThat(origin.name()).isEqualTo("Nguồn gốc sản phẩm");
        assertThat(origin.answers()).hasSize(3);
        assertThat(sheets.sheet("27")).isEmpty();
    }

    @Test
    void theSetsWhoseExtractionAwaitsCheckingAreHeldButMarked() {
        assertThat(sheets.sets()).filteredOn(ScoringSheets.Sheet::awaitingCheck)
                .extracting(ScoringSheets.Sheet::code)
                .containsExactly("4", "7", "10", "11", "13");
        assertThat(sheets.sheet("1").orElseThrow().partMaxima()).containsEntry("A", 40).containsEntry("B", 25)
                .containsEntry("C", 35);
    }

    @ParameterizedTest(name = "set 1, criterion 1.5: a {0}★ product needs {1} points")
    @CsvSource({"2, 0", "3, 0", "4, 2", "5, 3"})
    void theMinimumForAStarIsTheOptionMarkedForTheHighestLevelUpToIt(int stars, int points) {
        assertThat(sheets.sheet("1").orElseThrow().criterion("1.5").orElseThrow().requiredFor(stars))
                .isEqualTo(points);
    }

    @Test
    void aBinaryCriterionIsAnsweredNotMetOrMet() {
        ScoringSheets.Criterion bilingual = sheets.sheet("1").orElseThrow().criterion("2.4").orElseThrow();
        assertThat(bilingual.binary()).isTrue();
        assertThat(bilingual.answers()).extracting(ScoringSheets.Option::points).containsExactly(0, bilingual.max());
    }

    @Test
    void anOptionAboveItsCriterionsMaximumStopsTheLoadUnlessTheDataFlagsIt() throws Exception {
        assertThatThrownBy(() -> read(root -> option(root, 0, 0, 0).put("points", 9)))
                .hasMessageContaining("set 1: criterion 1.1: option")
                .hasMessageContaining("outside 0 to 3");
        // set 4's criterion 1.2 is flagged in the data: the same flaw there is held, the set awaiting check
        assertThat(read(root -> option(root, 3, 1, 0).put("points", 9)).sheet("4").orElseThrow().awaitingCheck())
                .isTrue();
    }

    @Test
    void aRepeatedCriterionCodeOrUndeclaredPartTotalsStopTheLoad() {
        assertThatThrownBy(() -> read(root -> criterion(root, 0, 1).put("code", "1.1")))
                .hasMessageContaining("set 1: criterion 1.1 appears twice");
        assertThatThrownBy(() -> read(root -> criterion(root, 0, 0).put("max", 4)))
                .hasMessageContaining("set 1: part maxima {A=41, B=25, C=35} differ from {A=40, B=25, C=35}");
        assertThatThrownBy(() -> read(root -> ((ObjectNode) root.get("sets").get(1)).put("set", 1)))
                .hasMessageContaining("set 1 appears twice");
    }

    private static ObjectNode criterion(ObjectNode root, int set, int criterion) {
        return (ObjectNode) root.get("sets").get(set).get("criteria").get(criterion);
    }

    private static ObjectNode option(ObjectNode root, int set, int criterion, int option) {
        return (ObjectNode) ((ArrayNode) criterion(root, set, criterion).get("options")).get(option);
    }

    private static ScoringSheets read(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root;
        try (InputStream in = ScoringSheets.class.getResourceAsStream(ScoringSheets.RESOURCE)) {
            root = (ObjectNode) JSON.readTree(in);
        }
        change.accept(root);
        return ScoringSheets.read(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), OcopRules.load());
    }
}
