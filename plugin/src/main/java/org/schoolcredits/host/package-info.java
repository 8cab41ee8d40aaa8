/**
 * The host contract: what a school MIS implements ({@link CallerProvider}, {@link SchoolDirectory}),
 * the CDI events it fires into the plugin, and the APIs it calls ({@link Metering}, {@link LearnerCredits}).
 * Nothing here imports the rest of the plugin; a host depends on this package alone.
 */
package org.schoolcredits.host;
