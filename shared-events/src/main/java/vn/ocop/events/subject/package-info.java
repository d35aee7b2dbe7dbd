/** The life of an OCOP subject (chủ thể OCOP): the producer that owns products. */
package vn.ocop.events.subject;
