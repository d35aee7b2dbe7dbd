/**
 * The tamper-evident chain: every stored event hashed onto its predecessor in one strict order, signed
 * checkpoints of the chain, and the verifier that recomputes both from the database alone.
 */
package vn.ocop.query.audit.chain;
