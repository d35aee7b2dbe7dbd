/** Crypto-shredding of personal data: one key per data owner, kept beside the event store. */
package vn.ocop.infra.personaldata;
