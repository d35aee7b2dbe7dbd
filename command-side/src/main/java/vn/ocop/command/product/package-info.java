/** The OCOP cycle of a product: idea, business plan, evaluations, certificates, promotion. */
package vn.ocop.command.product;
