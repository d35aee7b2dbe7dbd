/** Registering and managing OCOP subjects (chủ thể OCOP). */
package vn.ocop.command.subject;
