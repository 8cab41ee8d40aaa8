/**
 * The host contract: what a school MIS implements ({@link CallerProvider}, {@link SchoolDirectory}, optionally
 * {@link HostFeatures} and {@link HostClock}), the CDI events it fires into the plugin (schools, plans, learners,
 * {@link MessageSending} and {@link MessageOutcome}), and the APIs it calls ({@link Metering},
 * {@link LearnerCredits}, {@link MessageCredits}). Nothing here imports the rest of the plugin; a host depends on
 * this package alone.
 */
package org.schoolcredits.host;
