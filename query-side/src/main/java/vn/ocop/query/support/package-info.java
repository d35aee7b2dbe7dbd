/** The support ledger: budget lines with what is allocated, committed and disbursed; grants and their payments. */
package vn.ocop.query.support;
