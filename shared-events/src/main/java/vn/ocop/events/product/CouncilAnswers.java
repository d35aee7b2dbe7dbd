package vn.ocop.events.product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a council's scoring sheets say as a body, the one reading of them that the rulebook, the documents, the
 * timeline and the views share.
 *
 * <p>The council's answer on a criterion is the option chosen by the most members; when options tie, the one
 * giving fewer points. A mandatory minimum is a condition of the star, not a share of the score: the product
 * reaches it only when the council as a body finds it met, and a split council has not found that.
 */
public final class CouncilAnswers {

    private CouncilAnswers() {
    }

    /** The council's answer on each criterion, in the order of the first member's sheet. */
    public static Map<String, MemberSheet.Answer> of(List<MemberSheet> members) {
        Map<String, MemberSheet.Answer> council = new LinkedHashMap<>();
        if (members == null || members.isEmpty()) {
            return council;
        }
        for (String criterion : members.get(0).answers().keySet()) {
            Map<MemberSheet.Answer, Integer> votes = new HashMap<>();
            for (MemberSheet member : members) {
                votes.merge(member.answers().get(criterion), 1, Integer::sum);
            }
            council.put(criterion, votes.entrySet().stream()
                    .max(Comparator.<Map.Entry<MemberSheet.Answer, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(vote -> vote.getKey().points(), Comparator.reverseOrder())
                            .thenComparing(vote -> vote.getKey().option(), Comparator.reverseOrder()))
                    .orElseThrow()
                    .getKey());
        }
        return council;
    }

    /**
     * The criteria that held the rating below the score's band: those whose council answer misses the minimum of
     * the star just above the minimums level. Empty when the band itself decided, or no rating was given.
     */
    public static List<String> cappedBy(Integer stars, int scoreBand, int minimumsMetUpTo,
                                        List<MinimumNotMet> minimumsNotMet) {
        List<String> capping = new ArrayList<>();
        if (stars == null || stars >= scoreBand || minimumsNotMet == null) {
            return capping;
        }
        for (MinimumNotMet missed : minimumsNotMet) {
            if (missed.stars() == minimumsMetUpTo + 1) {
                capping.add(missed.criterion());
            }
        }
        return capping;
    }
}
