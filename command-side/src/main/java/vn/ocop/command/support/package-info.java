/** State support: budget lines, grants committed on them under the support policies, disbursements. */
package vn.ocop.command.support;
