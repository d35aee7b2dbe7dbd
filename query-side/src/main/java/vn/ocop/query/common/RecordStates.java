package vn.ocop.query.common;

import java.util.Optional;

/**
 * A kind of record whose state a view keeps: the audit reads it through this, in the present or — inside a
 * {@link ShadowReplay} — as it stood at a past instant.
 */
public interface RecordStates {

    /** The kind's name in the API's paths ({@code products}, {@code subjects}, …). */
    String type();

    /** The view (processing group) that keeps it. */
    String view();

    /** The record's state as the view has it. */
    Optional<?> find(String id);
}
