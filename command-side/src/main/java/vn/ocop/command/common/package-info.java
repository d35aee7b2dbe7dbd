/** What every command feature shares: domain errors and the shape of command responses. */
package vn.ocop.command.common;
