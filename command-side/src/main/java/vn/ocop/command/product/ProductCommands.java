package vn.ocop.command.product;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.ocop.command.rulebook.MemberAnswers;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.product.Disqualification;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;

/**
 * The commands of a product's cycle. Each but the first names the version the caller last saw
 * ({@code expectedVersion}, from {@code If-Match}); null means "whatever the current version is".
 */
public final class ProductCommands {

    private ProductCommands() {
    }

    /** A command that acts at a level of authority: the level of its council, or of its decision. */
    public interface AtLevel {
        /** The field the level comes from, for a refusal to name. */
        String levelField();

        AuthorityLevel level();
    }

    /** A command recording a decision: it acts at the decision's level. */
    public interface Decided extends AtLevel {
        Decision decision();

        @Override
        default String levelField() {
            return "decision.level";
        }

        @Override
        default AuthorityLevel level() {
            return decision() == null ? null : decision().level();
        }
    }

    public record RegisterProductIdeaCommand(@TargetAggregateIdentifier String productId, String subjectId,
                                             String name, String groupCode, String criteriaSetCode,
                                             String communeCode, String description, LocalDate registeredOn) {
    }

    public record DecideProductIdeaCommand(@TargetAggregateIdentifier String productId,
                                           @TargetAggregateVersion Long expectedVersion, boolean accepted,
                                           Decision decision, List<String> reasons) implements Decided {
    }

    public record SubmitBusinessPlanCommand(@TargetAggregateIdentifier String productId,
                                            @TargetAggregateVersion Long expectedVersion, LocalDate submittedOn,
                                            String title, String summary) {
    }

    public record DecideBusinessPlanCommand(@TargetAggregateIdentifier String productId,
                                            @TargetAggregateVersion Long expectedVersion, boolean approved,
                                            Decision decision, List<String> reasons) implements Decided {
    }

    /**
     * A council's evaluation. Under 26/2026 the council gives every member's scoring sheet ({@code memberSheets})
     * and, for a product registered without one, the product set it scored with; under the earlier decisions the
     * members' part totals ({@code memberScores}) and the minimums level.
     */
    public record RecordEvaluationCommand(@TargetAggregateIdentifier String productId,
                                          @TargetAggregateVersion Long expectedVersion, String evaluationId,
                                          EvaluationKind kind, AuthorityLevel level, String round,
                                          LocalDate evaluatedOn, LocalDate dossierFiledOn,
                                          List<MemberScore> memberScores, Integer minimumsMetUpTo,
                                          Disqualification disqualification, String disqualificationNote,
                                          String officialProductCode, String scoredUnder, String productSetCode,
                                          List<MemberAnswers> memberSheets) implements AtLevel {

        /** An evaluation given as part totals, as under the decisions before 26/2026. */
        public RecordEvaluationCommand(String productId, Long expectedVersion, String evaluationId,
                                       EvaluationKind kind, AuthorityLevel level, String round, LocalDate evaluatedOn,
                                       LocalDate dossierFiledOn, List<MemberScore> memberScores, int minimumsMetUpTo,
                                       Disqualification disqualification, String officialProductCode,
                                       String scoredUnder) {
            this(productId, expectedVersion, evaluationId, kind, level, round, evaluatedOn, dossierFiledOn,
                    memberScores, minimumsMetUpTo, disqualification, null, officialProductCode, scoredUnder, null,
                    null);
        }

        /** An evaluation given as the members' scoring sheets, as under 26/2026. */
        public static RecordEvaluationCommand withSheets(String productId, Long expectedVersion, String evaluationId,
                                                         EvaluationKind kind, AuthorityLevel level, String round,
                                                         LocalDate evaluatedOn, LocalDate dossierFiledOn,
                                                         String productSetCode, List<MemberAnswers> memberSheets) {
            return new RecordEvaluationCommand(productId, expectedVersion, evaluationId, kind, level, round,
                    evaluatedOn, dossierFiledOn, null, null, null, null, null, null, productSetCode, memberSheets);
        }

        @Override
        public String levelField() {
            return "level";
        }
    }

    public record ForwardProductCommand(@TargetAggregateIdentifier String productId,
                                        @TargetAggregateVersion Long expectedVersion, String evaluationId,
                                        AuthorityLevel to, LocalDate forwardedOn) {
    }

    public record NominateForNationalFiveStarsCommand(@TargetAggregateIdentifier String productId,
                                                      @TargetAggregateVersion Long expectedVersion,
                                                      String evaluationId, Decision decision) implements Decided {
    }

    public record RecognizeProductCommand(@TargetAggregateIdentifier String productId,
                                          @TargetAggregateVersion Long expectedVersion, String certificateId,
                                          String evaluationId, int stars, Decision decision) implements Decided {
    }

    public record FileReEvaluationDossierCommand(@TargetAggregateIdentifier String productId,
                                                 @TargetAggregateVersion Long expectedVersion, LocalDate filedOn) {
    }

    public record RevokeCertificateCommand(@TargetAggregateIdentifier String productId,
                                           @TargetAggregateVersion Long expectedVersion, String reasonCode,
                                           LocalDate concludedOn, Decision decision) implements Decided {
    }

    public record SelectForProvincialPromotionCommand(@TargetAggregateIdentifier String productId,
                                                      @TargetAggregateVersion Long expectedVersion,
                                                      Decision decision) implements Decided {
    }

    public record DesignateKeyProductCommand(@TargetAggregateIdentifier String productId,
                                             @TargetAggregateVersion Long expectedVersion, Decision decision) implements Decided {
    }
}
