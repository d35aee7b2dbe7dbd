/** The product register: every product with its stage, current certificate and programme flags. */
package vn.ocop.query.register;
