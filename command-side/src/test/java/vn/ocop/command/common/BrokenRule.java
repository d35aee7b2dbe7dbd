package vn.ocop.command.common;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** For fixture tests: matches a command's refusal by the rule it names. */
public final class BrokenRule {

    private BrokenRule() {
    }

    /** A {@link DomainRuleViolation} whose problem type is {@code slug}. */
    public static Matcher<?> named(String slug) {
        return Matchers.predicate((Object failure) -> failure instanceof DomainRuleViolation violation
                && violation.problemType().equals(slug));
    }
}
