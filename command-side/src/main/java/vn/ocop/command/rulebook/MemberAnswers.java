package vn.ocop.command.rulebook;

import java.util.Map;

/** What one council member answered on the scoring sheet: the option index chosen, by criterion code. */
public record MemberAnswers(String member, Map<String, Integer> options) {
}
