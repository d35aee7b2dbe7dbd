/**
 * Reference data bundled with the event contract and read by both sides: the OCOP rule tables by date.
 * A change ships as a new version with its legal basis and validity dates, never as an edit of the past.
 */
package vn.ocop.reference;
