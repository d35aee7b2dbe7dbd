/** The write side: aggregates, the rulebook, command handlers and the command REST API. */
package vn.ocop.command;
