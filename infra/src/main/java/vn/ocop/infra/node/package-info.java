/**
 * What a node of the service does: take commands, keep the views and answer reads, or both (the default).
 * One jar, roles by configuration ({@code ocop.node.roles}); see docs/guarantees.md and the README's scale-out.
 */
package vn.ocop.infra.node;
