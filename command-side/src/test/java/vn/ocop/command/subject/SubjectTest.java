package vn.ocop.command.subject;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;

class SubjectTest {

    private static final Representative DIRECTOR = new Representative(
            new SealedPersonalData("s-1", "c2VhbGVkIG5hbWU="), "Giám đốc", null);

    private final InMemoryRegistrationNumbers registrationNumbers = new InMemoryRegistrationNumbers();
    private AggregateTestFixture<Subject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subject.class);
        fixture.registerInjectableResource(registrationNumbers);
    }

    @Test
    void registeringASubjectRecordsItWithItsDetails() {
        fixture.givenNoPriorActivity()
                .when(register("s-1", "6101234567"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SubjectRegistered("s-1", LegalForm.COOPERATIVE, "HTX Sâm Ngọc Linh",
                        "6101234567", "23371", DIRECTOR));
    }

    @Test
    void namesAndNumbersAreRecordedWithoutSurroundingSpace() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectCommand("s-1", LegalForm.COOPERATIVE, "  HTX Sâm Ngọc Linh ",
                        " 6101234567 ", "23371", DIRECTOR))
                .expectEvents(new SubjectRegistered("s-1", LegalForm.COOPERATIVE, "HTX Sâm Ngọc Linh",
                        "6101234567", "23371", DIRECTOR));
    }

    @Test
    void aRegistrationNumberHeldByAnotherSubjectIsRefused() {
        registrationNumbers.claim("6101234567", "s-0");

        fixture.givenNoPriorActivity()
                .when(register("s-1", "6101-234-567"))
                .expectException(RegistrationNumberTaken.class)
                .expectNoEvents();
    }

    @Test
    void registrationNumbersAreComparedWithoutSeparatorsOrCase() {
        org.assertj.core.api.Assertions.assertThat(RegistrationNumberRegistry.normalise("0101 234.567-ab"))
                .isEqualTo("0101234567AB");
    }

    private static RegisterSubjectCommand register(String subjectId, String registrationNumber) {
        return new RegisterSubjectCommand(subjectId, LegalForm.COOPERATIVE, "HTX Sâm Ngọc Linh",
                registrationNumber, "23371", DIRECTOR);
    }

    /** The registry's contract without its table: one subject per normalised number. */
    static final class InMemoryRegistrationNumbers implements RegistrationNumberRegistry {

        private final Map<String, String> holders = new HashMap<>();

        @Override
        public void claim(String registrationNumber, String subjectId) {
            String holder = holders.putIfAbsent(RegistrationNumberRegistry.normalise(registrationNumber), subjectId);
            if (holder != null) {
                throw new RegistrationNumberTaken();
            }
        }
    }
}
