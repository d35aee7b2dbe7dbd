/**
 * The event contract shared by both sides: past-tense facts as immutable records. Stored payloads carry
 * these fully-qualified names, so package and type names are schema.
 */
package vn.ocop.events;
