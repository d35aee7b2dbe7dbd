package vn.ocop.infra.reliability;

/**
 * How hard the reliability tests push: a short version in every build, the full one with
 * {@code -Docop.reliability=full} (README, "Reliability").
 */
final class Reliability {

    private Reliability() {
    }

    static boolean full() {
        return "full".equals(System.getProperty("ocop.reliability"));
    }

    /** Crash cycles of each kind: 10 in the full run, 2 in the build. */
    static int cycles() {
        return Integer.getInteger("ocop.reliability.cycles", full() ? 10 : 2);
    }
}
