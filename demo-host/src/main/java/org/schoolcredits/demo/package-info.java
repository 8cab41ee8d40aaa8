/**
 * A small reference school MIS that embeds the School Credits plugin: its schools, users and
 * learners, its sign-in, its pages, and its implementation of the plugin's host contract.
 * It knows the plugin only through {@code org.schoolcredits.host}.
 */
package org.schoolcredits.demo;
