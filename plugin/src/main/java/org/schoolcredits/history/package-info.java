/**
 * The credit history: the ledger's entries as a school sees them, newest first, filtered and
 * paged by a keyset cursor, as JSON or CSV. Read-only.
 */
package org.schoolcredits.history;
