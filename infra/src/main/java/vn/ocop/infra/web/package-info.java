/** HTTP concerns shared by both sides: problem responses and request correlation. */
package vn.ocop.infra.web;
