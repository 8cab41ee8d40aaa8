/**
 * The plugin's errors: one enum of machine-readable codes, each with its HTTP status and
 * title, and the exception that carries one. The REST edge turns them into RFC 9457 documents.
 */
package org.schoolcredits.problem;
