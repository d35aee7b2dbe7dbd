package vn.ocop.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A projection is caught up only when every segment is — also one that no node holds at the moment (released
 * after a failure, or its node dead), which only its stored token tells.
 */
class ProjectionProgressTest {

    @Test
    void storedTokensAreReadWithTheirGapsAndReplays() {
        Projections.StoredToken plain = Projections.StoredToken.of(2,
                "org.axonframework.eventhandling.GapAwareTrackingToken", "{\"index\":1141,\"gaps\":[650,1140]}");
        assertThat(plain.index()).isEqualTo(1141);
        assertThat(plain.gaps()).containsExactly(650L, 1140L);
        assertThat(plain.replaying()).isFalse();

        String replayType = "org.axonframework.eventhandling.ReplayToken";
        assertThat(Projections.StoredToken.of(0, replayType, "{\"tokenAtReset\":{\"index\":90,\"gaps\":[]},"
                + "\"currentToken\":{\"index\":40,\"gaps\":[]}}").replaying()).isTrue();
        Projections.StoredToken replayed = Projections.StoredToken.of(0, replayType,
                "{\"tokenAtReset\":{\"index\":90,\"gaps\":[]},\"currentToken\":{\"index\":90,\"gaps\":[]}}");
        assertThat(replayed.replaying()).isFalse();
        assertThat(replayed.index()).isEqualTo(90);
        assertThat(Projections.StoredToken.of(1, null, null).index()).isZero();
    }

    @Test
    void aSegmentNoNodeHoldsKeepsTheProjectionFromBeingCaughtUp() {
        Projections.SegmentProgress held = new Projections.SegmentProgress(1378, true, false, List.of());
        Projections.SegmentProgress released = new Projections.SegmentProgress(1141, false, false, List.of(1140L));

        assertThat(Projections.caughtUp(List.of(held, released), gaps -> false)).isFalse();
        assertThat(Projections.caughtUp(List.of(held), gaps -> false)).isTrue();
        assertThat(Projections.caughtUp(List.of(), gaps -> false)).as("no segment yet").isFalse();
    }

    @Test
    void aHeldSegmentBehindTheHeadIsNotCaughtUpWhateverItsTrackerSays() {
        assertThat(Projections.SegmentProgress.held(1281, true, false, 1400).caughtUp()).isFalse();
        assertThat(Projections.SegmentProgress.held(1400, true, false, 1400).caughtUp()).isTrue();
        assertThat(Projections.SegmentProgress.held(1400, false, false, 1400).caughtUp()).isFalse();
    }

    @Test
    void aGapThatALateCommitFilledIsWorkStillToDo() {
        Projections.SegmentProgress atHead = new Projections.SegmentProgress(1378, true, false, List.of(1210L));

        assertThat(Projections.caughtUp(List.of(atHead), gaps -> gaps.contains(1210L))).isFalse();
        assertThat(Projections.caughtUp(List.of(atHead), gaps -> false)).isTrue();
    }
}
