package vn.ocop.command.subject;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.ocop.events.subject.LabourFigures;
import vn.ocop.events.subject.Representative;

/** Commands on an existing subject; personal data arrives already sealed. */
public final class SubjectCommands {

    private SubjectCommands() {
    }

    /** Change the profile; a null field stays as it is. */
    public record UpdateSubjectProfileCommand(@TargetAggregateIdentifier String subjectId,
                                              @TargetAggregateVersion Long expectedVersion, String name,
                                              String communeCode, Representative representative,
                                              LabourFigures labour, List<String> certifications,
                                              LocalDate effectiveOn) {
    }

    public enum StandingChange { SUSPEND, REINSTATE, DISSOLVE }

    public record ChangeSubjectStandingCommand(@TargetAggregateIdentifier String subjectId,
                                               @TargetAggregateVersion Long expectedVersion, StandingChange change,
                                               LocalDate effectiveOn, String reason) {
    }
}
