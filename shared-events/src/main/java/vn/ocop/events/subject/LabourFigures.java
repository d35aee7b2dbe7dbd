package vn.ocop.events.subject;

/**
 * The subject's people, as the programme reports them; any figure may be unknown (null).
 *
 * @param members               members (of a cooperative or group) or owners
 * @param workers               regular workers
 * @param womenWorkers          of whom women
 * @param ethnicMinorityWorkers of whom from ethnic minorities
 */
public record LabourFigures(Integer members, Integer workers, Integer womenWorkers, Integer ethnicMinorityWorkers) {
}
