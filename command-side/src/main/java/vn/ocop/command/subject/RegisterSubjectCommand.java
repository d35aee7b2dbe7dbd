package vn.ocop.command.subject;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ocop.events.subject.LabourFigures;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;

/**
 * Register a producer as an OCOP subject. Personal data arrives already sealed. {@code registeredOn}, the
 * business date it took part from, is today when not given.
 */
public record RegisterSubjectCommand(
        @TargetAggregateIdentifier String subjectId,
        LegalForm legalForm,
        String name,
        String registrationNumber,
        String communeCode,
        Representative representative,
        LabourFigures labour,
        List<String> certifications,
        LocalDate registeredOn) {
}
