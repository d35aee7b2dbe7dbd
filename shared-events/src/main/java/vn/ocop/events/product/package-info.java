/** The life of an OCOP product: idea, business plan, evaluations, certificates, promotion. */
package vn.ocop.events.product;
