package vn.ocop.command.product;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.ocop.command.product.ProductRuleBroken.step;

import java.time.LocalDate;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.Communes;
import vn.ocop.command.common.Reach;
import vn.ocop.command.common.ProblemType;
import vn.ocop.command.product.ProductCommands.DecideBusinessPlanCommand;
import vn.ocop.command.product.ProductCommands.DecideProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.DesignateKeyProductCommand;
import vn.ocop.command.product.ProductCommands.FileReEvaluationDossierCommand;
import vn.ocop.command.product.ProductCommands.ForwardProductCommand;
import vn.ocop.command.product.ProductCommands.NominateForNationalFiveStarsCommand;
import vn.ocop.command.product.ProductCommands.RecognizeProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.command.product.ProductCommands.RegisterProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.RevokeCertificateCommand;
import vn.ocop.command.product.ProductCommands.SelectForProvincialPromotionCommand;
import vn.ocop.command.product.ProductCommands.SubmitBusinessPlanCommand;
import vn.ocop.command.rulebook.CertificateTerms;
import vn.ocop.command.rulebook.CriteriaSet;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.command.rulebook.Scoring;
import vn.ocop.command.subject.SubjectStandings;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.RenewalTerms;
import vn.ocop.events.product.ProductEvent.BusinessPlanApproved;
import vn.ocop.events.product.ProductEvent.BusinessPlanRejected;
import vn.ocop.events.product.ProductEvent.BusinessPlanSubmitted;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateExpirySuperseded;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductDesignatedKey;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;
import vn.ocop.events.product.ProductEvent.ProductIdeaAccepted;
import vn.ocop.events.product.ProductEvent.ProductIdeaRegistered;
import vn.ocop.events.product.ProductEvent.ProductIdeaReturned;
import vn.ocop.events.product.ProductEvent.ProductNominatedForNationalFiveStars;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ProductReachedProvincialLevel;
import vn.ocop.events.product.ProductEvent.ProductRecognized;
import vn.ocop.events.product.ProductEvent.ProductSelectedForProvincialPromotion;
import vn.ocop.events.product.ProductEvent.ProductUpgraded;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;
import vn.ocop.events.product.ProductEvent.RenewalNoticeDue;
import vn.ocop.reference.AdministrativeUnits;

/**
 * An OCOP product through the programme's cycle: its idea is registered and accepted (or returned), a
 * business plan is submitted and approved (or rejected and resubmitted), councils evaluate it, the competent
 * level recognises it with a certificate valid 36 months; the certificate is then upgraded, re-recognised,
 * revoked or lets lapse. Each step is judged by the rules in force on its business date (see {@link Rulebook}),
 * and the certificate by its state on that date: a step recorded late, dated before a lapse the scheduler
 * already recorded, supersedes that lapse when it changes the outcome ({@link CertificateExpirySuperseded}).
 */
@Aggregate(snapshotTriggerDefinition = "productSnapshotTrigger")
// Revision 2: the councils' record is a part of its own (Evaluations); revision 3: the product's class (group and
// product set) is kept for the scoring sheets. Older snapshots are set aside.
@Revision("3")
// A snapshot is the aggregate's fields, written and read by the events' JSON serializer.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Product {

    enum Stage { IDEA_REGISTERED, IDEA_RETURNED, IDEA_ACCEPTED, PLAN_SUBMITTED, PLAN_REJECTED, PLAN_APPROVED }

    @AggregateIdentifier
    private String productId;
    private String subjectId;
    private String communeCode;
    /** The group and product set as registered: they choose the scoring sheet of an evaluation under 26/2026. */
    private Rulebook.ProductClass productClass;
    private Stage stage;
    /** The business date of the latest step: no later step may be dated before it. */
    private LocalDate lastStepOn;
    private final Evaluations evaluations = new Evaluations();
    private Certificate certificate;
    private boolean selectedForPromotion;
    private boolean provincialLevel;
    private boolean keyProduct;

    /** For Axon, which rebuilds the aggregate from its events. */
    Product() {
    }

    /**
     * Every command on an existing product: only from someone whose jurisdiction holds its commune, and at a
     * level of authority no higher than the one the sender's account acts at.
     */
    @CommandHandlerInterceptor
    Object withinReach(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Reach.requireReach(command.getMetaData(), productId, communeCode);
        if (command.getPayload() instanceof ProductCommands.AtLevel atLevel) {
            Reach.requireLevelWithinAccount(command.getMetaData(), atLevel.levelField(), atLevel.level());
        }
        return chain.proceed();
    }

    @CommandHandler
    Product(RegisterProductIdeaCommand command, Rulebook rules, SubjectStandings subjects, BusinessCalendar calendar,
            AdministrativeUnits units, MetaData metaData) {
        Reach.requireReachForNew(metaData, command.communeCode());
        notInFuture("registeredOn", command.registeredOn(), calendar);
        Communes.requireInForce(units, command.communeCode(), command.registeredOn());
        if (!subjects.mayRegisterProducts(command.subjectId())) {
            throw ProductRuleBroken.subjectCannotRegister();
        }
        String taxonomy = rules.classify(command.registeredOn(), command.groupCode(), command.criteriaSetCode());
        apply(new ProductIdeaRegistered(command.productId(), command.subjectId(), command.name().strip(), taxonomy,
                command.groupCode(), command.criteriaSetCode(), command.communeCode(), command.description(),
                command.registeredOn()));
    }

    @CommandHandler
    long handle(DecideProductIdeaCommand command, Rulebook rules, BusinessCalendar calendar) {
        requireStage(Stage.IDEA_REGISTERED, ProblemType.IDEA_ALREADY_DECIDED,
                "The idea has already been accepted or returned.", "Ý tưởng đã được chấp nhận hoặc trả lại.");
        checkDecision("decision.date", command.decision(), rules, calendar);
        if (command.accepted()) {
            apply(new ProductIdeaAccepted(productId, command.decision()));
        } else {
            apply(new ProductIdeaReturned(productId, command.decision(), reasons(command.reasons())));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SubmitBusinessPlanCommand command, BusinessCalendar calendar) {
        if (stage != Stage.IDEA_ACCEPTED && stage != Stage.PLAN_REJECTED) {
            throw step(ProblemType.PLAN_NEEDS_ACCEPTED_IDEA,
                    "A business plan is submitted for an accepted idea, or again after a rejection.",
                    "Phương án kinh doanh chỉ nộp khi ý tưởng đã được chấp nhận hoặc sau khi bị từ chối.");
        }
        checkDate("submittedOn", command.submittedOn(), calendar);
        apply(new BusinessPlanSubmitted(productId, command.submittedOn(), command.title(), command.summary()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DecideBusinessPlanCommand command, Rulebook rules, BusinessCalendar calendar) {
        requireStage(Stage.PLAN_SUBMITTED, ProblemType.NO_PLAN_TO_DECIDE,
                "There is no submitted business plan awaiting a decision.",
                "Không có phương án kinh doanh nào đang chờ quyết định.");
        checkDecision("decision.date", command.decision(), rules, calendar);
        if (command.approved()) {
            apply(new BusinessPlanApproved(productId, command.decision()));
        } else {
            apply(new BusinessPlanRejected(productId, command.decision(), reasons(command.reasons())));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordEvaluationCommand command, Rulebook rules, BusinessCalendar calendar) {
        if (stage != Stage.PLAN_APPROVED) {
            throw step(ProblemType.EVALUATION_NEEDS_APPROVED_PLAN,
                    "A product is evaluated only after its business plan was approved.",
                    "Sản phẩm chỉ được đánh giá sau khi phương án kinh doanh được phê duyệt.");
        }
        evaluations.requireNew(command.evaluationId());
        checkDate("evaluatedOn", command.evaluatedOn(), calendar);
        requireEvaluationFitsCertificate(command.kind(), command.evaluatedOn());
        if (command.dossierFiledOn() != null && command.dossierFiledOn().isAfter(command.evaluatedOn())) {
            throw ProductRuleBroken.dateBeforeEarlierStep("evaluatedOn", command.evaluatedOn(), command.dossierFiledOn());
        }
        if (command.level() == AuthorityLevel.COMMUNE) {
            throw ProductRuleBroken.wrongLevel("level", "Councils evaluate at district, province or central level.",
                    "Hội đồng đánh giá ở cấp huyện, tỉnh hoặc trung ương.");
        }
        rules.checkLevelExists("level", command.level(), command.evaluatedOn());
        rules.checkOrderOfCouncils(command.level(), command.kind(), command.evaluatedOn(),
                evaluations.forwardedToProvinceOn());
        CriteriaSet set = rules.criteriaSetFor(command.evaluatedOn(), command.dossierFiledOn(), command.kind());
        rules.scoredUnder(command.scoredUnder(), set, command.evaluatedOn(), command.dossierFiledOn(), command.kind());
        boolean disqualified = command.disqualification() != null;
        Scoring scoring = rules.score(set, command.evaluatedOn(), productClass,
                new Rulebook.Council(command.productSetCode(), command.memberSheets(), command.memberScores(),
                        command.minimumsMetUpTo()), disqualified);
        apply(new ProductEvaluated(productId, command.evaluationId(), command.kind(), command.level(), command.round(),
                command.evaluatedOn(), command.dossierFiledOn(), set.code(), scoring.memberScores(), scoring.score(),
                scoring.scoreBand(), scoring.minimumsMetUpTo(), scoring.stars(),
                disqualified ? command.disqualification().name() : null, command.officialProductCode(),
                scoring.productSetCode(), scoring.memberSheets(), scoring.minimumsNotMet(),
                disqualified ? strippedOrNull(command.disqualificationNote()) : null));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ForwardProductCommand command, Rulebook rules, BusinessCalendar calendar) {
        Evaluation evaluation = evaluations.rated(command.evaluationId());
        checkDate("forwardedOn", command.forwardedOn(), calendar);
        rules.checkForwarding(evaluation.level(), command.to(), command.forwardedOn(), evaluation.score());
        apply(new ProductForwarded(productId, evaluation.id(), evaluation.level(), command.to(),
                command.forwardedOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(NominateForNationalFiveStarsCommand command, Rulebook rules, BusinessCalendar calendar) {
        Evaluation evaluation = evaluations.rated(command.evaluationId());
        if (evaluation.level() != AuthorityLevel.PROVINCE || command.decision().level() != AuthorityLevel.PROVINCE) {
            throw ProductRuleBroken.wrongLevel("evaluationId",
                    "The province nominates for national 5-star evaluation on its own council's evaluation.",
                    "Tỉnh đề xuất đánh giá 5 sao quốc gia dựa trên kết quả của hội đồng cấp tỉnh.");
        }
        checkDecision("decision.date", command.decision(), rules, calendar);
        rules.checkNomination(command.decision().date(), evaluation.score());
        apply(new ProductNominatedForNationalFiveStars(productId, evaluation.id(), command.decision()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecognizeProductCommand command, Rulebook rules, BusinessCalendar calendar,
                DeadlineManager deadlines) {
        Evaluation evaluation = evaluations.unusedForRecognition(command.evaluationId());
        Decision decision = command.decision();
        if (command.stars() != evaluation.stars()) {
            throw step(ProblemType.STARS_DIFFER_FROM_EVALUATION, "A product is recognised at the stars its evaluation rated.",
                    "Sản phẩm được công nhận đúng hạng sao theo kết quả đánh giá.");
        }
        checkDecision("decision.date", decision, rules, calendar);
        evaluation.requireCouncilOf(decision.level());
        rules.checkRecognition(command.stars(), decision.level(), decision.date());
        CertificateTerms terms = rules.certificateTerms(decision.date());
        String id = command.certificateId();
        switch (evaluation.kind()) {
            case FIRST -> {
                Certificate.requireNoneInForce(certificate, decision.date());
                apply(new ProductRecognized(productId, id, command.stars(), decision, evaluation.id(),
                        terms.expiresOn(), terms.renewal()));
            }
            case UPGRADE -> {
                Certificate.requireValid(certificate, decision.date());
                if (command.stars() <= certificate.stars) {
                    throw step(ProblemType.UPGRADE_NEEDS_MORE_STARS, "An upgrade recognises more stars than the certificate has.",
                            "Nâng hạng phải công nhận số sao cao hơn giấy chứng nhận hiện có.");
                }
                applyAll(certificate.lapseSupersededBy(productId, ProductUpgraded.class, decision.date()));
                apply(new ProductUpgraded(productId, id, certificate.id, certificate.stars, command.stars(), decision,
                        evaluation.id(), terms.expiresOn(), terms.renewal()));
            }
            case RE_EVALUATION -> {
                Certificate.requireInForce(certificate, decision.date());
                applyAll(certificate.lapseSupersededBy(productId, ProductReRecognized.class, decision.date()));
                apply(new ProductReRecognized(productId, id, certificate.id, command.stars(), decision,
                        evaluation.id(), terms.expiresOn(), terms.renewal()));
            }
        }
        if (selectedForPromotion && !provincialLevel && decision.level() == AuthorityLevel.PROVINCE
                && command.stars() >= 4) {
            apply(new ProductReachedProvincialLevel(productId, id, command.stars(), decision.date()));
        }
        CertificateSchedule.of(deadlines, calendar).certificateIssued(id, terms);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(FileReEvaluationDossierCommand command, BusinessCalendar calendar, DeadlineManager deadlines) {
        checkDate("filedOn", command.filedOn(), calendar);
        Certificate current = Certificate.requireValid(certificate, command.filedOn());
        ReEvaluationDossierFiled filed = current.fileDossier(productId, command.filedOn());
        List<ProductEvent> superseded = current.lapseSupersededBy(productId, ReEvaluationDossierFiled.class,
                command.filedOn());
        applyAll(superseded);
        apply(filed);
        if (!superseded.isEmpty()) {
            // The lapse recorded at expiry is now a deferral: the expiry is judged again with the dossier on file.
            expiryDue(new CertificateDeadline(current.id, current.expiresOn), deadlines, calendar);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RevokeCertificateCommand command, Rulebook rules, BusinessCalendar calendar) {
        Decision decision = command.decision();
        checkDecision("decision.date", decision, rules, calendar);
        Certificate.requireInForce(certificate, decision.date());
        if (command.concludedOn().isAfter(decision.date())) {
            throw ProductRuleBroken.dateBeforeEarlierStep("decision.date", decision.date(), command.concludedOn());
        }
        rules.checkRevocation(certificate.level, decision.level(), command.reasonCode(), command.concludedOn(),
                decision.date());
        applyAll(certificate.lapseSupersededBy(productId, CertificateRevoked.class, decision.date()));
        apply(new CertificateRevoked(productId, certificate.id, command.reasonCode(), decision,
                command.concludedOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SelectForProvincialPromotionCommand command, Rulebook rules, BusinessCalendar calendar) {
        Certificate.requireValid(certificate, command.decision().date());
        if (selectedForPromotion || provincialLevel) {
            throw step(ProblemType.ALREADY_SELECTED_OR_PROVINCIAL,
                    "The product is already selected for promotion or at provincial level.",
                    "Sản phẩm đã được chọn nâng cấp hoặc đã đạt cấp tỉnh.");
        }
        requireProvincialDecision(command.decision());
        checkDecision("decision.date", command.decision(), rules, calendar);
        apply(new ProductSelectedForProvincialPromotion(productId, command.decision()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DesignateKeyProductCommand command, Rulebook rules, BusinessCalendar calendar) {
        if (stage == Stage.IDEA_REGISTERED || stage == Stage.IDEA_RETURNED) {
            throw step(ProblemType.KEY_PRODUCT_NEEDS_ACCEPTED_IDEA, "Only a product whose idea was accepted is designated.",
                    "Chỉ sản phẩm có ý tưởng đã được chấp nhận mới được chọn là sản phẩm chủ lực.");
        }
        if (keyProduct) {
            throw step(ProblemType.ALREADY_KEY_PRODUCT, "The product is already a key product.",
                    "Sản phẩm đã là sản phẩm chủ lực.");
        }
        requireProvincialDecision(command.decision());
        checkDecision("decision.date", command.decision(), rules, calendar);
        apply(new ProductDesignatedKey(productId, command.decision()));
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = CertificateDeadline.RENEWAL_NOTICE)
    void renewalNoticeDue(CertificateDeadline deadline) {
        milestoneDue(deadline);
    }

    @DeadlineHandler(deadlineName = CertificateDeadline.WINDOW_OPENS)
    void reEvaluationWindowOpens(CertificateDeadline deadline) {
        milestoneDue(deadline);
    }

    @DeadlineHandler(deadlineName = CertificateDeadline.WINDOW_CLOSES)
    void reEvaluationWindowCloses(CertificateDeadline deadline) {
        milestoneDue(deadline);
    }

    /** At expiry a certificate lapses, unless its re-evaluation is pending under rules that allow a grace. */
    @DeadlineHandler(deadlineName = CertificateDeadline.EXPIRY)
    void expiryDue(CertificateDeadline deadline, DeadlineManager deadlines, BusinessCalendar calendar) {
        if (!concerns(deadline)) {
            return;
        }
        for (ProductEvent event : certificate.expiryDue(productId, deadline.dueOn())) {
            apply(event);
            if (event instanceof CertificateExpiryDeferred deferred) {
                CertificateSchedule.of(deadlines, calendar).pendingExpiry(certificate.id, deferred.validAtMostUntil());
            }
        }
    }

    @DeadlineHandler(deadlineName = CertificateDeadline.PENDING_EXPIRY)
    void pendingExpiryDue(CertificateDeadline deadline) {
        if (concerns(deadline)) {
            certificate.pendingExpiryDue(productId, deadline.dueOn()).forEach(AggregateLifecycle::apply);
        }
    }

    @EventSourcingHandler
    void on(ProductIdeaRegistered event) {
        productId = event.productId();
        subjectId = event.subjectId();
        communeCode = event.communeCode();
        productClass = new Rulebook.ProductClass(event.groupCode(), event.criteriaSetCode());
        stage = Stage.IDEA_REGISTERED;
        lastStepOn = event.registeredOn();
    }

    @EventSourcingHandler
    void on(ProductIdeaAccepted event) {
        stage = Stage.IDEA_ACCEPTED;
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(ProductIdeaReturned event) {
        stage = Stage.IDEA_RETURNED;
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(BusinessPlanSubmitted event) {
        stage = Stage.PLAN_SUBMITTED;
        lastStepOn = event.submittedOn();
    }

    @EventSourcingHandler
    void on(BusinessPlanApproved event) {
        stage = Stage.PLAN_APPROVED;
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(BusinessPlanRejected event) {
        stage = Stage.PLAN_REJECTED;
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(ProductEvaluated event) {
        evaluations.noted(event);
        lastStepOn = event.evaluatedOn();
    }

    @EventSourcingHandler
    void on(ProductForwarded event) {
        lastStepOn = event.forwardedOn();
        evaluations.noted(event);
    }

    @EventSourcingHandler
    void on(ProductNominatedForNationalFiveStars event) {
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(ProductRecognized event) {
        issued(event.certificateId(), event.stars(), event.decision(), event.evaluationId(), event.expiresOn(),
                event.renewal());
    }

    @EventSourcingHandler
    void on(ProductUpgraded event) {
        issued(event.certificateId(), event.stars(), event.decision(), event.evaluationId(), event.expiresOn(),
                event.renewal());
    }

    @EventSourcingHandler
    void on(ProductReRecognized event) {
        issued(event.certificateId(), event.stars(), event.decision(), event.evaluationId(), event.expiresOn(),
                event.renewal());
    }

    @EventSourcingHandler
    void on(RenewalNoticeDue event) {
        certificate.notedMilestone(CertificateDeadline.RENEWAL_NOTICE);
    }

    @EventSourcingHandler
    void on(ReEvaluationWindowOpened event) {
        certificate.notedMilestone(CertificateDeadline.WINDOW_OPENS);
    }

    @EventSourcingHandler
    void on(ReEvaluationWindowClosed event) {
        certificate.notedMilestone(CertificateDeadline.WINDOW_CLOSES);
    }

    @EventSourcingHandler
    void on(ReEvaluationDossierFiled event) {
        certificate.notedDossierFiled();
        lastStepOn = event.filedOn();
    }

    @EventSourcingHandler
    void on(CertificateExpiryDeferred event) {
        certificate.notedExpiryDeferred();
    }

    @EventSourcingHandler
    void on(CertificateExpired event) {
        certificate.notedExpired(event.expiredOn());
    }

    @EventSourcingHandler
    void on(CertificateExpirySuperseded event) {
        certificate.notedLapseSuperseded();
    }

    @EventSourcingHandler
    void on(CertificateRevoked event) {
        certificate.notedRevoked();
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(ProductSelectedForProvincialPromotion event) {
        selectedForPromotion = true;
        lastStepOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(ProductReachedProvincialLevel event) {
        provincialLevel = true;
    }

    @EventSourcingHandler
    void on(ProductDesignatedKey event) {
        keyProduct = true;
        lastStepOn = event.decision().date();
    }

    /** What other aggregates' rules may know of this product. */
    ProductFacts.Fact facts() {
        return new ProductFacts.Fact(subjectId, communeCode, stage != Stage.IDEA_RETURNED,
                certificate != null && certificate.isInForce() ? certificate.id : null);
    }

    private void issued(String certificateId, int stars, Decision decision, String evaluationId, LocalDate expiresOn,
                        RenewalTerms renewal) {
        certificate = new Certificate(certificateId, stars, decision.level(), expiresOn, renewal);
        evaluations.notedUsedFor(evaluationId);
        lastStepOn = decision.date();
    }

    /** A deadline counts only for the certificate it was scheduled for, and only while that one is current. */
    private boolean concerns(CertificateDeadline deadline) {
        return certificate != null && certificate.concerns(deadline);
    }

    private void milestoneDue(CertificateDeadline deadline) {
        if (concerns(deadline)) {
            certificate.milestonesDueBy(productId, deadline.dueOn()).forEach(AggregateLifecycle::apply);
        }
    }

    private void requireEvaluationFitsCertificate(EvaluationKind kind, LocalDate evaluatedOn) {
        switch (kind) {
            case FIRST -> Certificate.requireNoneInForce(certificate, evaluatedOn);
            case UPGRADE -> Certificate.requireValid(certificate, evaluatedOn);
            case RE_EVALUATION -> Certificate.requireInForce(certificate, evaluatedOn);
        }
    }

    private static void applyAll(List<ProductEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    private void requireStage(Stage required, ProblemType type, String messageEn, String messageVi) {
        if (stage != required) {
            throw step(type, messageEn, messageVi);
        }
    }

    private static void requireProvincialDecision(Decision decision) {
        if (decision.level() != AuthorityLevel.PROVINCE) {
            throw ProductRuleBroken.wrongLevel("decision.level", "This decision is the province's to take.",
                    "Quyết định này thuộc thẩm quyền cấp tỉnh.");
        }
    }

    private void checkDecision(String field, Decision decision, Rulebook rules, BusinessCalendar calendar) {
        checkDate(field, decision.date(), calendar);
        rules.checkLevelExists("decision.level", decision.level(), decision.date());
    }

    private void checkDate(String field, LocalDate date, BusinessCalendar calendar) {
        notInFuture(field, date, calendar);
        if (date.isBefore(lastStepOn)) {
            throw ProductRuleBroken.dateBeforeEarlierStep(field, date, lastStepOn);
        }
    }

    private static void notInFuture(String field, LocalDate date, BusinessCalendar calendar) {
        if (date.isAfter(calendar.today())) {
            throw ProductRuleBroken.dateInFuture(field, date);
        }
    }

    private static List<String> reasons(List<String> given) {
        List<String> reasons = given == null ? List.of()
                : given.stream().filter(reason -> reason != null && !reason.isBlank()).map(String::strip).toList();
        if (reasons.isEmpty()) {
            throw ProductRuleBroken.reasonsRequired();
        }
        return reasons;
    }

    private static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
