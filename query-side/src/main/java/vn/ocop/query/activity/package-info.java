/** The activity feed: the latest changes recorded, newest first. */
package vn.ocop.query.activity;
