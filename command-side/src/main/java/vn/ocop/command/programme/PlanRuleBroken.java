package vn.ocop.command.programme;

import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;

/** A rule of programme plans refused a command. */
final class PlanRuleBroken extends DomainRuleViolation {

    PlanRuleBroken(ProblemType type, String field, String messageEn, String messageVi) {
        super(type, field, messageEn, messageVi);
    }
}
