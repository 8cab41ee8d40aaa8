/**
 * The Pro plan's monthly Connect allowance: 100 credits on the first day of each month
 * (Europe/London) that expire when the next month starts, granted once per school per month
 * whatever the number of instances or restarts, and spent before purchased credits.
 */
package org.schoolcredits.allowance;
