package vn.ocop.command.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.Reach;
import vn.ocop.command.subject.SubjectCommands.ChangeSubjectStandingCommand;
import vn.ocop.command.subject.SubjectCommands.StandingChange;
import vn.ocop.command.subject.SubjectCommands.UpdateSubjectProfileCommand;
import vn.ocop.command.subject.SubjectStandings.Standing;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.subject.LabourFigures;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;
import vn.ocop.events.subject.SubjectEvent.SubjectDissolved;
import vn.ocop.events.subject.SubjectEvent.SubjectProfileUpdated;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;
import vn.ocop.events.subject.SubjectEvent.SubjectReinstated;
import vn.ocop.events.subject.SubjectEvent.SubjectSuspended;
import vn.ocop.reference.AdministrativeUnits;

class SubjectTest {

    private static final Representative DIRECTOR = new Representative(
            new SealedPersonalData("s-1", "c2VhbGVkIG5hbWU="), "Giám đốc", null);
    private static final LabourFigures LABOUR = new LabourFigures(12, 30, 18, 22);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private final InMemoryRegistrationNumbers registrationNumbers = new InMemoryRegistrationNumbers();
    private final InMemoryStandings standings = new InMemoryStandings();
    private AggregateTestFixture<Subject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subject.class);
        fixture.registerInjectableResource(registrationNumbers);
        fixture.registerInjectableResource(AdministrativeUnits.load());
        fixture.registerInjectableResource(standings);
        fixture.registerInjectableResource(new BusinessCalendar(
                Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void registeringASubjectRecordsItWithItsDetailsAndMakesItActive() {
        fixture.givenNoPriorActivity()
                .when(register("s-1", "6101234567"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
        assertThat(standings.byId).containsEntry("s-1", Standing.ACTIVE);
        assertThat(standings.communes).containsEntry("s-1", "23374");
    }

    @Test
    void aSubjectIsRegisteredOnlyInACommuneThatExistsToday() {
        // today (2026-11-28) the units are Quảng Ngãi's: 23281 was absorbed into 23293 on 2025-07-01
        for (String gone : List.of("23281", "99999")) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSubjectCommand("s-1", LegalForm.COOPERATIVE, "HTX Sâm", "6101234567", gone,
                            DIRECTOR, LABOUR, List.of(), null))
                    .expectException(BrokenRule.named("commune-not-in-force"))
                    .expectNoEvents();
        }
        fixture.given(registered())
                .when(new UpdateSubjectProfileCommand("s-1", null, null, "23281", null, null, null, null))
                .expectException(BrokenRule.named("commune-not-in-force"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new UpdateSubjectProfileCommand("s-1", null, null, "23293", null, null, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSubjectOfThePastIsCheckedAgainstTheCommunesOfItsOwnDate() {
        // 23281 (Phường Quang Trung) existed until 2025-06-30; a subject registered in 2020 was registered there
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectCommand("s-1", LegalForm.COOPERATIVE, "HTX Sâm", "6101234567", "23281",
                        DIRECTOR, LABOUR, List.of(), LocalDate.of(2020, 3, 1)))
                .expectEvents(new SubjectRegistered("s-1", LegalForm.COOPERATIVE, "HTX Sâm", "6101234567", "23281",
                        DIRECTOR, LABOUR, List.of(), LocalDate.of(2020, 3, 1)));
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectCommand("s-2", LegalForm.COOPERATIVE, "HTX Sâm", "6101234568", "23281",
                        DIRECTOR, LABOUR, List.of(), LocalDate.of(2025, 7, 1)))
                .expectException(BrokenRule.named("commune-not-in-force"));
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectCommand("s-3", LegalForm.COOPERATIVE, "HTX Sâm", "6101234569", "23374",
                        DIRECTOR, LABOUR, List.of(), TODAY.plusDays(1)))
                .expectException(BrokenRule.named("date-in-future"))
                .expectNoEvents();
        // it moved in 2024, to a commune of that day
        fixture.given(registered())
                .when(new UpdateSubjectProfileCommand("s-1", null, null, "23281", null, null, null,
                        LocalDate.of(2024, 5, 1)))
                .expectEvents(new SubjectProfileUpdated("s-1", null, "23281", null, null, null, LocalDate.of(2024, 5, 1)));
    }

    @Test
    void namesAndNumbersAreRecordedWithoutSurroundingSpaceAndCertificationsWithoutBlanks() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSubjectCommand("s-1", LegalForm.COOPERATIVE, "  HTX Sâm Ngọc Linh ",
                        " 6101234567 ", "23374", DIRECTOR, LABOUR, List.of(" VietGAP", "", "VietGAP", "HACCP"), null))
                .expectEvents(new SubjectRegistered("s-1", LegalForm.COOPERATIVE, "HTX Sâm Ngọc Linh",
                        "6101234567", "23374", DIRECTOR, LABOUR, List.of("VietGAP", "HACCP"), TODAY));
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
        assertThat(RegistrationNumberRegistry.normalise("0101 234.567-ab")).isEqualTo("0101234567AB");
    }

    @Test
    void theProfileChangesOnlyInTheFieldsGiven() {
        fixture.given(registered())
                .when(new UpdateSubjectProfileCommand("s-1", null, " HTX Sâm Ngọc Linh Măng Ri ", null, null, null,
                        null, null))
                .expectEvents(new SubjectProfileUpdated("s-1", "HTX Sâm Ngọc Linh Măng Ri", null, null, null, null, TODAY))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSuspendedSubjectIsReinstated() {
        fixture.given(registered(), new SubjectSuspended("s-1", TODAY.minusDays(10), "inspection"))
                .when(change(StandingChange.REINSTATE, TODAY))
                .expectEvents(new SubjectReinstated("s-1", TODAY, "reason"));
        assertThat(standings.byId).containsEntry("s-1", Standing.ACTIVE);
    }

    @Test
    void suspendingRecordsTheStandingForProductRegistration() {
        fixture.given(registered())
                .when(change(StandingChange.SUSPEND, TODAY))
                .expectEvents(new SubjectSuspended("s-1", TODAY, "reason"));
        assertThat(standings.byId).containsEntry("s-1", Standing.SUSPENDED);
    }

    @Test
    void aSuspendedSubjectIsNotSuspendedAgain() {
        fixture.given(registered(), new SubjectSuspended("s-1", TODAY, "inspection"))
                .when(change(StandingChange.SUSPEND, TODAY))
                .expectException(SubjectStandingRefused.class)
                .expectNoEvents();
    }

    @Test
    void onlyASuspendedSubjectIsReinstated() {
        fixture.given(registered())
                .when(change(StandingChange.REINSTATE, TODAY))
                .expectException(SubjectStandingRefused.class)
                .expectNoEvents();
    }

    @Test
    void aDissolvedSubjectChangesNoMore() {
        fixture.given(registered(), new SubjectDissolved("s-1", TODAY, "closed"))
                .when(change(StandingChange.REINSTATE, TODAY))
                .expectException(SubjectStandingRefused.class);
        fixture.given(registered(), new SubjectDissolved("s-1", TODAY, "closed"))
                .when(new UpdateSubjectProfileCommand("s-1", null, "New name", null, null, null, null, null))
                .expectException(SubjectStandingRefused.class)
                .expectNoEvents();
    }

    @Test
    void dissolvingRecordsTheStanding() {
        fixture.given(registered())
                .when(change(StandingChange.DISSOLVE, TODAY))
                .expectEvents(new SubjectDissolved("s-1", TODAY, "reason"));
        assertThat(standings.byId).containsEntry("s-1", Standing.DISSOLVED);
    }

    @Test
    void aStandingChangeCannotTakeEffectInTheFuture() {
        fixture.given(registered())
                .when(change(StandingChange.SUSPEND, TODAY.plusDays(1)))
                .expectException(SubjectStandingRefused.class)
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(registered(), new SubjectSuspended("s-1", TODAY, "inspection"))
                .when(new ChangeSubjectStandingCommand("s-1", 0L, StandingChange.REINSTATE, TODAY, "ok"))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void anOfficerActsOnlyOnSubjectsWithinItsJurisdictionAndAnyOtherIsNotThere() {
        // the subject lies in commune 23374, of district 610
        for (String reaching : List.of("all", "province:62", "district:610", "commune:23374")) {
            fixture.given(registered())
                    .when(change(StandingChange.SUSPEND, TODAY), Map.of(Reach.JURISDICTION, reaching))
                    .expectSuccessfulHandlerExecution();
        }
        for (String elsewhere : List.of("district:611", "commune:23377", "commune:23372")) {
            fixture.given(registered())
                    .when(change(StandingChange.SUSPEND, TODAY), Map.of(Reach.JURISDICTION, elsewhere))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void anOfficerRegistersAndMovesSubjectsOnlyWithinItsJurisdiction() {
        fixture.givenNoPriorActivity()
                .when(register("s-1", "6101234567"), Map.of(Reach.JURISDICTION, "commune:23377"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The commune 23374 lies outside this account's jurisdiction.");
        fixture.given(registered())
                .when(new UpdateSubjectProfileCommand("s-1", null, null, "23377", null, null, null, null),
                        Map.of(Reach.JURISDICTION, "district:610"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private static RegisterSubjectCommand register(String subjectId, String registrationNumber) {
        return new RegisterSubjectCommand(subjectId, LegalForm.COOPERATIVE, "HTX Sâm Ngọc Linh",
                registrationNumber, "23374", DIRECTOR, LABOUR, List.of("VietGAP"), null);
    }

    private static SubjectRegistered registered() {
        return new SubjectRegistered("s-1", LegalForm.COOPERATIVE, "HTX Sâm Ngọc Linh", "6101234567", "23374",
                DIRECTOR, LABOUR, List.of("VietGAP"), TODAY);
    }

    private static ChangeSubjectStandingCommand change(StandingChange change, LocalDate on) {
        return new ChangeSubjectStandingCommand("s-1", null, change, on, " reason ");
    }

    /** The registry's contract without its table: one subject per normalised number. */
    static final class InMemoryRegistrationNumbers implements RegistrationNumberRegistry {

        private final Map<String, String> holders = new HashMap<>();

        @Override
        public void claim(String registrationNumber, String subjectId) {
            if (holders.putIfAbsent(RegistrationNumberRegistry.normalise(registrationNumber), subjectId) != null) {
                throw new RegistrationNumberTaken();
            }
        }
    }

    /** The standings' contract without their table. */
    public static final class InMemoryStandings implements SubjectStandings {

        final Map<String, Standing> byId = new HashMap<>();
        final Map<String, String> communes = new HashMap<>();

        @Override
        public void record(String subjectId, Standing standing) {
            byId.put(subjectId, standing);
        }

        @Override
        public void located(String subjectId, String communeCode) {
            communes.put(subjectId, communeCode);
        }

        @Override
        public java.util.Optional<SubjectStanding> find(String subjectId) {
            return java.util.Optional.ofNullable(byId.get(subjectId))
                    .map(standing -> new SubjectStanding(standing, communes.get(subjectId)));
        }

        @Override
        public boolean mayRegisterProducts(String subjectId) {
            return byId.get(subjectId) == Standing.ACTIVE;
        }
    }
}
