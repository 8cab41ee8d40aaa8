/**
 * What credits cost: the versioned price of each feature (with the date each version takes
 * effect) and the packages schools buy, with their prices in pence. Defaults come from
 * configuration; platform finance adds price versions.
 */
package org.schoolcredits.catalog;
