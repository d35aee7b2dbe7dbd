/**
 * The programme's rules that depend on the date — criteria sets, star bands, who recognises which stars,
 * forwarding thresholds, certificate terms, revocation — computed from the versioned reference tables.
 */
package vn.ocop.command.rulebook;
