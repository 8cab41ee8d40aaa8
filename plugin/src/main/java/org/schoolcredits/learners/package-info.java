/**
 * Learner credits: one credit redeemed for each learner new to a school, when the host registers
 * it, or the registration vetoed when none are left. It owns the record of which learners a
 * school was charged for, kept by a keyed hash of the learner's reference once the learner is deleted.
 */
package org.schoolcredits.learners;
