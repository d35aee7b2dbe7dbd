/**
 * Who may do what: built-in accounts with password hashes, one role each and the jurisdiction it acts in;
 * the access rules of every endpoint in one table; the bootstrap administrator.
 */
package vn.ocop.infra.security;
