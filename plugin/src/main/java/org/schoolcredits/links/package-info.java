/**
 * The links the plugin makes to the host's pages (the 402's top-up link, the checkout's return,
 * e-mails): the host's public URL, context root included, joined to the host's credits page. It
 * depends on nothing of the plugin's, so every capability may use it.
 */
package org.schoolcredits.links;
