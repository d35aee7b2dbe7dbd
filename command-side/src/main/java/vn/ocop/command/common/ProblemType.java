package vn.ocop.command.common;

import java.util.Locale;

/**
 * Every rule a command can break, with the status it answers and what it means. The slug (e.g.
 * {@code date-in-future}) is the stable {@code type} of the problem response: {@code urn:ocop:problem:<slug>}.
 */
public enum ProblemType {
    INVALID_HEADER(400, "A request header (Idempotency-Key, If-Match) is malformed."),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used for a different request."),
    REQUEST_IN_PROGRESS(409, "A request with this Idempotency-Key is still being carried out; retry after Retry-After."),
    DUPLICATE_REGISTRATION_NUMBER(409, "Another subject holds this registration or tax number."),
    SUBJECT_STANDING_CONFLICT(409, "The subject's standing does not allow this change (dissolved, already suspended…)."),
    OUTSIDE_JURISDICTION(403, "The new record would lie outside the account's jurisdiction."),
    LEVEL_BELOW_ACCOUNT(403, "The ministry's account records the central level's decisions and councils only."),
    LEVEL_ABOVE_ACCOUNT(403, "The decision or council is of a level above the one the account acts at: a commune's account acts at commune level, a district's at district or commune level."),
    COMMUNE_NOT_IN_FORCE(422, "No commune-level unit has that code on the business date (the units changed on 2025-07-01)."),
    SUBJECT_NOT_ACTIVE(422, "The subject is unknown, suspended or dissolved: it registers no new products."),
    DATE_IN_FUTURE(422, "A business date lies in the future."),
    DATE_BEFORE_EARLIER_STEP(422, "A business date lies before the product's earlier steps."),
    REASONS_REQUIRED(422, "Returning an idea or rejecting a plan needs at least one reason."),
    NO_PRODUCT_TAXONOMY(422, "No product taxonomy is in force on the registration date."),
    UNKNOWN_PRODUCT_GROUP(422, "The group or product set is not in the taxonomy in force on the registration date."),
    IDEA_ALREADY_DECIDED(409, "The idea has already been accepted or returned."),
    PLAN_NEEDS_ACCEPTED_IDEA(409, "A business plan is submitted for an accepted idea, or again after a rejection."),
    NO_PLAN_TO_DECIDE(409, "No submitted business plan awaits a decision."),
    EVALUATION_NEEDS_APPROVED_PLAN(409, "A product is evaluated only after its business plan was approved."),
    EVALUATION_ALREADY_RECORDED(409, "This evaluation has already been recorded."),
    WRONG_AUTHORITY_LEVEL(422, "The deciding or evaluating level cannot take this step."),
    AUTHORITY_LEVEL_ABOLISHED(422, "The district level no longer exists on that date: since 2025-07-01 (Law 72/2025/QH15, two-tier local government) the province decides in its place."),
    NO_CRITERIA_SET(422, "No criteria set is in force on the evaluation date."),
    NO_FORWARDED_EVALUATION(422, "Under 1048 and 148 a province council evaluates a product for the first time only after a district council's evaluation of it was forwarded to the province (at least 50 points under 1048, 70 under 148)."),
    SCORED_UNDER_NOT_APPLICABLE(422, "The decision the evaluation is stated to be scored under cannot apply to this dossier on that date (its own period, or the 26/2026 transition for dossiers filed before 2026-05-22)."),
    INVALID_SCORE(422, "A member's score is missing or negative, or the council has no member."),
    PART_SCORE_ABOVE_MAXIMUM(422, "A member's part score is above the maximum of the criteria set in force."),
    TOTAL_SCORE_ABOVE_100(422, "A member's total is above 100 points."),
    INVALID_MINIMUMS_LEVEL(422, "The star level whose mandatory minimums are met must be 2 to 5."),
    SHEETS_REQUIRED(422, "Under 26/2026 the council records every member's scoring sheet; part totals and the minimums level are derived from it, not given."),
    SHEETS_NOT_HELD(422, "The scoring sheets of this evaluation's decision, or of this product set, are not held as data (older decisions, or a set awaiting checking against the decision's text): record the members' part totals and the minimums level."),
    CRITERION_NOT_ANSWERED(422, "A member's scoring sheet leaves a criterion of the product set's criteria set unanswered."),
    NO_SUCH_OPTION(422, "A member's answer on a criterion is not one of the criterion's options."),
    UNKNOWN_CRITERION(422, "A member's scoring sheet answers a criterion the product set's criteria set does not have."),
    PRODUCT_SET_REQUIRED(422, "The product has no product set on record: the evaluation names the product set whose scoring sheet was filled."),
    PRODUCT_SET_MISMATCH(422, "The product set named is not the product's own, or not of the product's group on the evaluation date."),
    UNKNOWN_EVALUATION(422, "The product has no evaluation with that id."),
    EVALUATION_DISQUALIFIED(409, "The dossier was disqualified: its evaluation gives no rating."),
    FORWARDING_NOT_ALLOWED(422, "No rule forwards products between these levels on that date."),
    FORWARDING_THRESHOLD_NOT_MET(422, "The evaluation's score is below the threshold for forwarding it to the next level on that date."),
    NOMINATION_THRESHOLD_NOT_MET(422, "The provincial council's score is below the 90 points a national 5-star nomination needs."),
    NOT_RECOGNISABLE(422, "Only 3 to 5 stars are recognised with a certificate."),
    RECOGNITION_AUTHORITY_MISMATCH(422, "Another level recognises this many stars on the decision's date."),
    STARS_DIFFER_FROM_EVALUATION(409, "A product is recognised at the stars its evaluation rated."),
    EVALUATION_ALREADY_USED(409, "This evaluation already grounds a certificate."),
    CERTIFICATE_IN_FORCE(409, "The product already holds a certificate in force."),
    NO_CERTIFICATE_IN_FORCE(409, "The product holds no certificate in force (none, expired or revoked)."),
    CERTIFICATE_AWAITING_RE_EVALUATION(409, "The certificate is past expiry, awaiting its re-evaluation decision."),
    UPGRADE_NEEDS_MORE_STARS(409, "An upgrade recognises more stars than the certificate has."),
    DOSSIER_ALREADY_FILED(409, "The re-evaluation dossier has already been filed."),
    OUTSIDE_RE_EVALUATION_WINDOW(409, "The re-evaluation dossier is filed outside the window the rules allow."),
    REVOCATION_AUTHORITY_MISMATCH(422, "Only the recognising level, or its successor, revokes."),
    UNKNOWN_REVOCATION_REASON(422, "The reason is not one of the revocation table's."),
    REVOCATION_TOO_LATE(422, "Revocation comes within 15 days of the conclusion that grounds it."),
    ALREADY_SELECTED_OR_PROVINCIAL(409, "The product is already selected for promotion or at provincial level."),
    KEY_PRODUCT_NEEDS_ACCEPTED_IDEA(409, "Only a product whose idea was accepted is designated a key product."),
    ALREADY_KEY_PRODUCT(409, "The product is already a key product."),
    DUPLICATE_BUDGET_LINE(409, "A budget line for this province, funding source and fiscal year exists already."),
    INVALID_AMOUNT(422, "An amount of đồng must be positive."),
    BUDGET_LINE_CLOSED(409, "The budget line's fiscal year is closed."),
    AMENDMENT_BELOW_COMMITTED(409, "A budget line cannot be reduced below what is already committed on it."),
    BUDGET_LINE_OVERSPENT(409, "The grant exceeds what remains uncommitted on the budget line."),
    FISCAL_YEAR_MISMATCH(422, "The grant's fiscal year is not the budget line's."),
    UNKNOWN_SUBJECT(422, "No subject is registered with that id."),
    PRODUCT_NOT_OF_SUBJECT(422, "The product does not belong to the beneficiary subject."),
    SUPPORT_POLICY_VIOLATED(422, "A support policy in force refuses the grant; the policy is named."),
    GRANT_NOT_OPEN(409, "The grant is cancelled or closed: nothing more is paid or cancelled."),
    OVER_DISBURSEMENT(409, "The disbursement exceeds what remains of the grant."),
    NOTHING_TO_CANCEL(409, "The grant has been disbursed in full: there is no remainder to cancel."),
    GRANT_HAS_REMAINDER(409, "A grant closes once disbursed in full; cancel the remainder first."),
    INVALID_PLAN_PERIOD(422, "A plan's period runs from its first to its last year, in that order."),
    AMENDMENT_BEFORE_ADOPTION(422, "An amendment's decision is dated before the plan's latest decision."),
    PLANNED_PRODUCT_EXISTS(409, "The plan already lists this planned product."),
    UNKNOWN_PLANNED_PRODUCT(422, "The plan lists no such planned product."),
    UNKNOWN_PRODUCT(422, "No product is registered with that id."),
    PRODUCT_ALREADY_LINKED(409, "The planned product or the product is already linked.");

    private final int status;
    private final String meaning;

    ProblemType(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
