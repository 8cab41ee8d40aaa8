/**
 * Charging the host's usage-based features: reserve credits at the price in force, then
 * capture them when the action succeeded or release them when it failed. Implements the host's
 * {@link org.schoolcredits.host.Metering} and the same calls over REST; a sweep releases holds
 * nobody settled in time.
 */
package org.schoolcredits.metering;
