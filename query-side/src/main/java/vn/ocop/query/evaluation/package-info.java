/** Council evaluations per round and level, with members' scores and the means of each part. */
package vn.ocop.query.evaluation;
