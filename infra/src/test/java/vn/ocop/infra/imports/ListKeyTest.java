package vn.ocop.infra.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.subject.LegalForm;

/**
 * The idempotency key of an imported row is made of its content. A list imported by the first release must be
 * recognised again: its first-cycle rows keep the key text they had, to the character; later steps get keys of
 * their own.
 */
class ListKeyTest {

    private static final ListCheck.Evaluation FIRST_EVALUATION = new ListCheck.Evaluation(EvaluationKind.FIRST,
            AuthorityLevel.PROVINCE, LocalDate.of(2023, 5, 10), new BigDecimal("30"), new BigDecimal("18"),
            new BigDecimal("22"), 4, "01", null, null);
    private static final ListCheck.Recognition RECOGNITION = new ListCheck.Recognition(4, "123/QĐ-UBND",
            LocalDate.of(2023, 6, 1), "UBND tỉnh Kon Tum", AuthorityLevel.PROVINCE);

    @Test
    void aFirstCycleRowKeepsTheKeyTextOfTheFirstRelease() {
        ListCheck.Listed row = listed(7, ListCheck.Step.FIRST, FIRST_EVALUATION, null);

        assertThat(row.keyText()).isEqualTo("Listed[ subjectName=HTX Sâm Ngọc Linh, legalForm=COOPERATIVE,"
                + " registrationNumber=6101234567, representative=A Vương, phone=0912345678,"
                + " productName=Sâm Ngọc Linh tươi, groupCode=1, productSetCode=1.2, communeCode=23425,"
                + " registeredOn=2023-03-01, evaluation=Evaluation[level=PROVINCE, on=2023-05-10, partA=30,"
                + " partB=18, partC=22, minimumsMetUpTo=4, productCode=01, forwarded=null],"
                + " recognition=Recognition[stars=4, number=123/QĐ-UBND, decidedOn=2023-06-01,"
                + " issuer=UBND tỉnh Kon Tum, level=PROVINCE]]");
    }

    @Test
    void theRowNumberIsNotPartOfTheKey() {
        assertThat(listed(7, ListCheck.Step.FIRST, FIRST_EVALUATION, null).keyText())
                .isEqualTo(listed(19, ListCheck.Step.FIRST, FIRST_EVALUATION, null).keyText());
    }

    @Test
    void aLaterStepIsKeyedApartFromAFirstCycleOfTheSameContent() {
        ListCheck.Evaluation again = new ListCheck.Evaluation(EvaluationKind.RE_EVALUATION, AuthorityLevel.PROVINCE,
                LocalDate.of(2023, 5, 10), new BigDecimal("30"), new BigDecimal("18"), new BigDecimal("22"), 4,
                "01", null, LocalDate.of(2023, 4, 1));
        ListCheck.Revocation revocation = new ListCheck.Revocation("VIOLATION", LocalDate.of(2023, 5, 1),
                "9/QĐ-UBND", LocalDate.of(2023, 5, 5), "UBND tỉnh Kon Tum", AuthorityLevel.PROVINCE);

        String first = listed(7, ListCheck.Step.FIRST, FIRST_EVALUATION, null).keyText();
        String reEvaluation = listed(7, ListCheck.Step.RE_EVALUATION, again, null).keyText();
        String revoked = listed(7, ListCheck.Step.REVOCATION, null, revocation).keyText();

        assertThat(reEvaluation).isNotEqualTo(first).contains("RE_EVALUATION 2023-04-01");
        assertThat(revoked).isNotEqualTo(first).contains("REVOCATION").contains("VIOLATION");
    }

    private static ListCheck.Listed listed(int row, ListCheck.Step step, ListCheck.Evaluation evaluation,
                                           ListCheck.Revocation revocation) {
        return new ListCheck.Listed(row, step, "HTX Sâm Ngọc Linh", LegalForm.COOPERATIVE, "6101234567", "A Vương",
                "0912345678", "Sâm Ngọc Linh tươi", "1", "1.2", "23425", LocalDate.of(2023, 3, 1), evaluation,
                revocation == null ? RECOGNITION : null, revocation);
    }
}
