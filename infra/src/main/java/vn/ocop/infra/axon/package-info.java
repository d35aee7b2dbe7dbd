/** How Axon runs here: message metadata for the audit trail and the event processors' shape. */
package vn.ocop.infra.axon;
